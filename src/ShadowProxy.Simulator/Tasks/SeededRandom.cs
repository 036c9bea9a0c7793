using System.Text;

namespace ShadowProxy.Simulator.Tasks;

/// <summary>
/// Derives a deterministic <see cref="Random"/> from the seed, the prompt and how many times that prompt was seen,
/// so a run replays exactly while two calls with the same prompt may still differ (LLM sampling noise).
/// </summary>
internal static class SeededRandom
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    public static ulong Hash(string text)
    {
        var hash = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * FnvPrime;
        }

        return hash;
    }

    public static Random For(int seed, ulong promptHash, int occurrence)
    {
        var mixed = (promptHash ^ ((ulong)(uint)seed << 32)) * FnvPrime ^ (ulong)occurrence;
        return new Random((int)(mixed ^ (mixed >> 32)));
    }
}
