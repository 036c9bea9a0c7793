namespace ShadowProxy.Core.Probes;

/// <summary>The probes' own answers, computed exactly; deliberately independent of the simulator's.</summary>
internal static class GroundTruth
{
    public static bool IsPrime(long n)
    {
        if (n < 2)
        {
            return false;
        }

        if (n < 4)
        {
            return true;
        }

        if (n % 2 == 0 || n % 3 == 0)
        {
            return false;
        }

        for (long divisor = 5; divisor * divisor <= n; divisor += 6)
        {
            if (n % divisor == 0 || n % (divisor + 2) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every unhappy number falls into the cycle through 4, so reaching 1 or 4 decides it.</summary>
    public static bool IsHappy(long n)
    {
        if (n < 1)
        {
            return false;
        }

        while (n is not 1 and not 4)
        {
            n = SumOfSquaredDigits(n);
        }

        return n == 1;
    }

    /// <summary>Happy numbers in the closed range [from, to].</summary>
    public static int CountHappy(long from, long to)
    {
        var count = 0;
        for (var n = from; n <= to; n++)
        {
            count += IsHappy(n) ? 1 : 0;
        }

        return count;
    }

    private static long SumOfSquaredDigits(long n)
    {
        long sum = 0;
        for (; n > 0; n /= 10)
        {
            var digit = n % 10;
            sum += digit * digit;
        }

        return sum;
    }
}
