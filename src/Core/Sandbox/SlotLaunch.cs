using System.Diagnostics;

namespace TraceFix.Core.Sandbox;

/// <summary>How to start one sandbox, and what to undo once its process has gone (its cgroup, say).</summary>
internal sealed record SlotLaunch(ProcessStartInfo StartInfo, Action? Cleanup = null);
