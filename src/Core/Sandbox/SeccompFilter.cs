using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace TraceFix.Core.Sandbox;

/// <summary>
/// The seccomp program every sandboxed process runs under, as the raw classic-BPF bytes bubblewrap's <c>--seccomp FD</c>
/// loads (an array of <c>struct sock_filter</c>), so no libseccomp is needed. x86_64 only: any other ABI reaching the
/// kernel (i386 through <c>int 0x80</c>, x32 through the syscall-number bit) is refused outright, since the numbers below
/// would mean other calls there.
/// </summary>
public static class SeccompFilter
{
    private const uint AuditArchX86_64 = 0xC000003E;
    private const uint X32SyscallBit = 0x40000000;
    private const uint RetAllow = 0x7FFF0000;
    private const uint RetErrno = 0x00050000;
    private const uint Eperm = 1;
    private const uint Enosys = 38;
    private const uint Eafnosupport = 97;
    private const uint AfUnix = 1;
    // CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET
    private const uint CloneNamespaceFlags = 0x7E020000;

    private const ushort LdAbs = 0x20;   // BPF_LD | BPF_W | BPF_ABS
    private const ushort JeqK = 0x15;    // BPF_JMP | BPF_JEQ | BPF_K
    private const ushort JgeK = 0x35;    // BPF_JMP | BPF_JGE | BPF_K
    private const ushort JsetK = 0x45;   // BPF_JMP | BPF_JSET | BPF_K
    private const ushort RetK = 0x06;    // BPF_RET | BPF_K

    // struct seccomp_data: int nr; u32 arch; u64 instruction_pointer; u64 args[6] (little-endian: low word first)
    private const uint NrOffset = 0;
    private const uint ArchOffset = 4;
    private const uint Arg0Offset = 16;

    private const int Socket = 41;
    private const int SocketPair = 53;
    private const int Clone = 56;
    private const int Clone3 = 435;

    /// <summary>x86_64 system calls denied with EPERM, by name (the attack suite tries each one).</summary>
    public static readonly IReadOnlyDictionary<string, int> Denied = new Dictionary<string, int>
    {
        ["ptrace"] = 101, ["process_vm_readv"] = 310, ["process_vm_writev"] = 311,
        ["mount"] = 165, ["umount2"] = 166, ["pivot_root"] = 155, ["chroot"] = 161,
        ["open_tree"] = 428, ["move_mount"] = 429, ["fsopen"] = 430, ["fsconfig"] = 431, ["fsmount"] = 432,
        ["fspick"] = 433, ["mount_setattr"] = 442,
        ["unshare"] = 272, ["setns"] = 308,
        ["keyctl"] = 250, ["add_key"] = 248, ["request_key"] = 249,
        ["bpf"] = 321, ["perf_event_open"] = 298, ["userfaultfd"] = 323,
        ["kexec_load"] = 246, ["kexec_file_load"] = 320,
        ["open_by_handle_at"] = 304, ["name_to_handle_at"] = 303,
        ["init_module"] = 175, ["finit_module"] = 313, ["delete_module"] = 176,
        ["reboot"] = 169, ["swapon"] = 167, ["swapoff"] = 168, ["acct"] = 163, ["quotactl"] = 179,
        ["iopl"] = 172, ["ioperm"] = 173, ["lookup_dcookie"] = 212,
        ["io_uring_setup"] = 425, ["io_uring_enter"] = 426, ["io_uring_register"] = 427,
    };

    /// <summary>True where the filter's syscall numbers are right (the process and the kernel are x86_64).</summary>
    public static bool Supported => RuntimeInformation.OSArchitecture == Architecture.X64 && OperatingSystem.IsLinux();

    public static byte[] Build()
    {
        var program = new List<(ushort Code, byte Jt, byte Jf, uint K)>
        {
            (LdAbs, 0, 0, ArchOffset),
            (JeqK, 1, 0, AuditArchX86_64),
            (RetK, 0, 0, RetErrno | Enosys),
            (LdAbs, 0, 0, NrOffset),
            (JgeK, 0, 1, X32SyscallBit),
            (RetK, 0, 0, RetErrno | Enosys),
            // clone3 passes its flags in memory a filter cannot read: refuse it, and the C library falls back to clone.
            (JeqK, 0, 1, Clone3),
            (RetK, 0, 0, RetErrno | Enosys),
        };
        foreach (var nr in Denied.Values.Distinct().Order())
        {
            program.Add((JeqK, 0, 1, (uint)nr));
            program.Add((RetK, 0, 0, RetErrno | Eperm));
        }
        foreach (var nr in new[] { Socket, SocketPair })
        {
            program.Add((JeqK, 0, 4, (uint)nr));
            program.Add((LdAbs, 0, 0, Arg0Offset));
            program.Add((JeqK, 0, 1, AfUnix));
            program.Add((RetK, 0, 0, RetAllow));
            program.Add((RetK, 0, 0, RetErrno | Eafnosupport));
        }
        program.Add((JeqK, 0, 4, Clone));
        program.Add((LdAbs, 0, 0, Arg0Offset));
        program.Add((JsetK, 0, 1, CloneNamespaceFlags));
        program.Add((RetK, 0, 0, RetErrno | Eperm));
        program.Add((RetK, 0, 0, RetAllow));
        program.Add((RetK, 0, 0, RetAllow));

        var bytes = new byte[program.Count * 8];
        for (var i = 0; i < program.Count; i++)
        {
            var (code, jt, jf, k) = program[i];
            var at = bytes.AsSpan(i * 8, 8);
            BinaryPrimitives.WriteUInt16LittleEndian(at, code);
            at[2] = jt;
            at[3] = jf;
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], k);
        }
        return bytes;
    }
}
