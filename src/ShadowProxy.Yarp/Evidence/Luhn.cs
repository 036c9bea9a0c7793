namespace ShadowProxy.Yarp.Evidence;

internal static class Luhn
{
    public static bool IsValid(string candidate)
    {
        var sum = 0;
        var digits = 0;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            var c = candidate[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            var d = c - '0';
            if (digits++ % 2 == 1)
            {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }

            sum += d;
        }

        return digits is >= 13 and <= 19 && sum % 10 == 0;
    }
}
