namespace KalshiDesk.Sandbox.World;

/// <summary>
/// The hidden state behind one event's markets, moved as one so that the markets never contradict each other: a
/// strike ladder's probabilities always fall with the strike, and a mutually exclusive event's always sum to at most
/// one. Outcomes are drawn from the same state, jointly.
/// </summary>
internal abstract class EventTruth
{
    /// <summary>Truths are kept off the very ends, where a market could not be quoted at all.</summary>
    public const double Floor = 0.005;
    public const double Ceiling = 0.995;

    /// <summary>How many markets the state answers for, in the event's market order.</summary>
    public abstract int Count { get; }

    /// <summary>The true probability that market <paramref name="index"/> resolves YES.</summary>
    public abstract double TruthOf(int index);

    /// <summary>A small random move (about 0.6¢ for a market near 50¢).</summary>
    public abstract void Walk(Random random);

    /// <summary>News: market <paramref name="index"/> moves by about <paramref name="size"/> in the given direction, and the others with it.</summary>
    public abstract void Jump(Random random, int index, double size, int direction);

    /// <summary>Moves the state so that market <paramref name="index"/>'s truth is <paramref name="target"/>.</summary>
    public abstract void Pin(int index, double target);

    /// <summary>Draws the event's outcome: which markets resolve YES.</summary>
    public abstract bool[] Draw(Random random);

    protected static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));

    protected static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-9, 1 - 1e-9);
        return Math.Log(p / (1 - p));
    }
}

/// <summary>
/// "Above K?" for several strikes K: one hidden underlying, logistic around <see cref="Centre"/> with scale
/// <see cref="Scale"/>. Market i's truth is P(X &gt; Kᵢ); at settlement one X is drawn and every strike is judged on it.
/// </summary>
internal sealed class LadderTruth : EventTruth
{
    private readonly double[] _strikes;

    public LadderTruth(IReadOnlyList<double> strikes, double scale, double centre)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(scale, 0);
        _strikes = [.. strikes];
        Scale = scale;
        Centre = centre;
    }

    public double Centre { get; private set; }

    public double Scale { get; }

    public override int Count => _strikes.Length;

    public override double TruthOf(int index) => Math.Clamp(Logistic((Centre - _strikes[index]) / Scale), Floor, Ceiling);

    public override void Walk(Random random) => Centre += random.Gaussian() * 0.024 * Scale;

    public override void Jump(Random random, int index, double size, int direction)
    {
        var before = TruthOf(index);
        var target = before + (direction * size);
        if (target is < Floor or > Ceiling)
        {
            target = before - (direction * size);
        }

        Pin(index, Math.Clamp(target, Floor, Ceiling));
    }

    public override void Pin(int index, double target) => Centre = _strikes[index] + (Scale * Logit(target));

    public override bool[] Draw(Random random)
    {
        var u = Math.Clamp(random.NextDouble(), 1e-12, 1 - 1e-12);
        var value = Centre + (Scale * Logit(u));
        return [.. _strikes.Select(k => value > k)];
    }

    /// <summary>The draw's underlying value for a given uniform draw (tests).</summary>
    internal double ValueAt(double u) => Centre + (Scale * Logit(u));
}

/// <summary>
/// One winner among several outcomes (a game, a Fed decision): log-odds per outcome, softmax for the truths. Outcomes
/// the event does not list as markets share one more slot, so the listed truths may sum to less than one.
/// </summary>
internal sealed class ExclusiveTruth : EventTruth
{
    private readonly double[] _logits;

    /// <param name="truths">The listed outcomes' starting probabilities; what they leave of 1 goes to the unlisted rest.</param>
    public ExclusiveTruth(IReadOnlyList<double> truths)
    {
        var listed = truths.Sum();
        var rest = Math.Max(0, 1 - listed);
        Count = truths.Count;
        var scale = listed > 1 ? 1 / listed : 1;
        HasRest = rest > 0.005;
        _logits = new double[Count + (HasRest ? 1 : 0)];
        for (var i = 0; i < Count; i++)
        {
            _logits[i] = Math.Log(Math.Max(1e-6, truths[i] * scale));
        }

        if (HasRest)
        {
            _logits[^1] = Math.Log(rest);
        }
    }

    /// <summary>True when outcomes the event does not list can win (every listed market then resolves NO).</summary>
    public bool HasRest { get; }

    public override int Count { get; }

    public override double TruthOf(int index) => Math.Clamp(Share(index), Floor, Ceiling);

    public override void Walk(Random random)
    {
        for (var i = 0; i < _logits.Length; i++)
        {
            _logits[i] += random.Gaussian() * 0.017;
        }
    }

    public override void Jump(Random random, int index, double size, int direction)
    {
        var before = Share(index);
        var target = before + (direction * size);
        if (target is < Floor or > Ceiling)
        {
            target = before - (direction * size);
        }

        Pin(index, Math.Clamp(target, Floor, Ceiling));
    }

    public override void Pin(int index, double target)
    {
        target = Math.Clamp(target, Floor, Ceiling);
        var others = 0.0;
        for (var i = 0; i < _logits.Length; i++)
        {
            if (i != index)
            {
                others += Math.Exp(_logits[i]);
            }
        }

        _logits[index] = Math.Log(target / (1 - target) * others);
    }

    public override bool[] Draw(Random random)
    {
        var u = random.NextDouble();
        var total = _logits.Sum(Math.Exp);
        var winner = _logits.Length - 1;
        var cumulative = 0.0;
        for (var i = 0; i < _logits.Length; i++)
        {
            cumulative += Math.Exp(_logits[i]) / total;
            if (u < cumulative)
            {
                winner = i;
                break;
            }
        }

        var outcome = new bool[Count];
        if (winner < Count)
        {
            outcome[winner] = true;
        }

        return outcome;
    }

    private double Share(int index)
    {
        var total = 0.0;
        foreach (var logit in _logits)
        {
            total += Math.Exp(logit);
        }

        return Math.Exp(_logits[index]) / total;
    }
}
