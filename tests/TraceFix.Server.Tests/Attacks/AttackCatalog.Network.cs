namespace TraceFix.Server.Tests.Attacks;

public static partial class AttackCatalog
{
    /// <summary>Attempts to reach the host over the network: its TCP listener, its abstract unix socket, DNS.</summary>
    private static readonly Attack[] Network =
    [
        new("loopback-to-the-host-port", "network", """
            import socket
            for family, host in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1"), (socket.AF_INET, "0.0.0.0")):
                try:
                    s = socket.socket(family, socket.SOCK_STREAM)
                    s.settimeout(1)
                    s.connect((host, @PORT@))
                    s.sendall(b"GET /health HTTP/1.0\\r\\n\\r\\n")
                    print("BREACH connected", host, flush=True)
                except OSError:
                    pass
            try:
                names = socket.if_nameindex()
                if [n for _, n in names if n != "lo"]:
                    print("BREACH interfaces", names, flush=True)
            except OSError:
                pass
            """),
        new("abstract-unix-socket-and-dns", "network", """
            import socket
            try:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.settimeout(1)
                s.connect("\\0@SOCK@")
                s.sendall(b"hello")
                print("BREACH abstract socket", flush=True)
            except OSError:
                pass
            for path in ("/run/dbus/system_bus_socket", "/var/run/docker.sock", "/run/systemd/private"):
                try:
                    socket.socket(socket.AF_UNIX).connect(path)
                    print("BREACH unix", path, flush=True)
                except OSError:
                    pass
            for name in ("example.com", "host.docker.internal"):
                try:
                    socket.getaddrinfo(name, 80)
                    print("BREACH resolved", name, flush=True)
                except OSError:
                    pass
            try:
                u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                u.sendto(b"x", ("8.8.8.8", 53))
                print("BREACH udp", flush=True)
            except OSError:
                pass
            """),
    ];
}
