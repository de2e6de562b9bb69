using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ordering.Sdk.Devices.Tests.Transports;

// A Linux pseudo-terminal pair: the transport opens the slave (/dev/pts/N) as it would /dev/ttyUSB0, the test
// plays the printer on the master. The test, as "the host", puts the line in raw mode first (the SDK never does).
internal sealed partial class PseudoTerminal : IDisposable
{
    private const int ReadWriteNoControllingTerminal = 0x2 | 0x100; // O_RDWR | O_NOCTTY

    private PseudoTerminal(FileStream master, string slavePath)
    {
        Master = master;
        SlavePath = slavePath;
    }

    public FileStream Master { get; }

    public string SlavePath { get; }

    public static PseudoTerminal Open()
    {
        var fd = PosixOpenpt(ReadWriteNoControllingTerminal);
        if (fd < 0 || Grantpt(fd) != 0 || Unlockpt(fd) != 0)
        {
            throw new IOException("Could not create a pseudo-terminal.");
        }

        var name = new byte[128];
        if (PtsnameR(fd, name, name.Length) != 0)
        {
            throw new IOException("ptsname_r failed.");
        }

        var slave = System.Text.Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
        MakeRaw(fd);
        var master = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.ReadWrite, 1);
        return new PseudoTerminal(master, slave);
    }

    public void Dispose() => Master.Dispose();

    private static void MakeRaw(int fd)
    {
        var termios = new byte[256]; // larger than struct termios on every Linux ABI
        if (Tcgetattr(fd, termios) != 0)
        {
            throw new IOException("tcgetattr failed.");
        }

        Cfmakeraw(termios);
        if (Tcsetattr(fd, 0, termios) != 0)
        {
            throw new IOException("tcsetattr failed.");
        }
    }

    [LibraryImport("libc", EntryPoint = "posix_openpt")]
    private static partial int PosixOpenpt(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt")]
    private static partial int Grantpt(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt")]
    private static partial int Unlockpt(int fd);

    [LibraryImport("libc", EntryPoint = "ptsname_r")]
    private static partial int PtsnameR(int fd, [Out] byte[] buffer, nint length);

    [LibraryImport("libc", EntryPoint = "tcgetattr")]
    private static partial int Tcgetattr(int fd, [Out] byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr")]
    private static partial int Tcsetattr(int fd, int optionalActions, byte[] termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    private static partial void Cfmakeraw(byte[] termios);
}
