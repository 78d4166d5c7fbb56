namespace TraceFix.Server.Tests.Attacks;

/// <summary>
/// One hostile solution.py. It is the buggy binary search plus the attack; whatever the attack achieves it prints as a
/// line starting with <c>BREACH</c>. Placeholders: <c>@PORT@</c> (a host TCP listener), <c>@SOCK@</c> (a host abstract
/// unix socket), <c>@HOSTDIR@</c> (a host folder holding a secret file and a SQLite database).
/// </summary>
public sealed record Attack(string Name, string Category, string Code, double TimeoutSeconds = 5, int Repeat = 1)
{
    public override string ToString() => Name;
}
