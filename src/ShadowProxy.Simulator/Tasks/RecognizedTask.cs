namespace ShadowProxy.Simulator.Tasks;

/// <summary>What the prompt asks for, with the true answer when code can compute it.</summary>
internal sealed record RecognizedTask(TaskKind Kind, string? TrueAnswer = null, string? WrongAnswer = null, char Letter = 'a');
