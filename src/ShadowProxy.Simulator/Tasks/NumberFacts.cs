namespace ShadowProxy.Simulator.Tasks;

/// <summary>Ground truth for the simulator's checkable tasks.</summary>
internal static class NumberFacts
{
    public static bool IsPrime(long n)
    {
        if (n < 2)
        {
            return false;
        }

        if (n % 2 == 0)
        {
            return n == 2;
        }

        for (long d = 3; d * d <= n; d += 2)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A happy number reaches 1 by repeatedly summing the squares of its digits.</summary>
    public static bool IsHappy(long n)
    {
        var seen = new HashSet<long>();
        while (n != 1 && seen.Add(n))
        {
            long next = 0;
            for (; n > 0; n /= 10)
            {
                next += n % 10 * (n % 10);
            }

            n = next;
        }

        return n == 1;
    }

    /// <summary>Happy numbers in the closed range [from, to].</summary>
    public static long CountHappy(long from, long to)
    {
        long count = 0;
        for (var n = from; n <= to && n - from < 100_000; n++)
        {
            count += IsHappy(n) ? 1 : 0;
        }

        return count;
    }

    public static long Evaluate(long left, char op, long right) => op switch
    {
        '+' => left + right,
        '-' => left - right,
        _ => left * right,
    };
}
