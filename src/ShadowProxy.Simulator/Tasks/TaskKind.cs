namespace ShadowProxy.Simulator.Tasks;

internal enum TaskKind
{
    Chat,
    Prime,
    HappyCount,
    Arithmetic,
    Code,
    Json,
    Sensitive,
    LetterWords,
    Judge,
}
