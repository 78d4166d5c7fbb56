"""What lives in the sandbox's IPC namespace rather than in a process, and so would outlive a run: SysV shared
memory, message queues and semaphores, and POSIX message queues. The zygote removes all of them after every run."""
import ctypes
import os

_IPC_RMID = 0
libc = ctypes.CDLL(None, use_errno=True)


def sysv_ids(kind):
    try:
        with open("/proc/sysvipc/" + kind) as f:
            rows = f.read().splitlines()[1:]
    except OSError:
        return []
    return [int(row.split()[1]) for row in rows if row.split()]


def remove_sysv():
    """SysV shared memory, queues and semaphores outlive their processes (they belong to the IPC namespace), so
    without this a run could leave memory behind for the next one, or data."""
    for shmid in sysv_ids("shm"):
        libc.shmctl(shmid, _IPC_RMID, None)
    for msqid in sysv_ids("msg"):
        libc.msgctl(msqid, _IPC_RMID, None)
    for semid in sysv_ids("sem"):
        libc.semctl(semid, 0, _IPC_RMID)
    return not (sysv_ids("shm") or sysv_ids("msg") or sysv_ids("sem"))


MQUEUE_DIR = "/dev/mqueue"


def remove_posix_queues():
    """POSIX message queues also belong to the IPC namespace, not to a process. The sandbox mounts its mqueue
    file system read-only at /dev/mqueue, which lists them; mq_unlink removes them by name."""
    try:
        names = os.listdir(MQUEUE_DIR)
    except OSError:
        return True  # not mounted (unconfined development mode, or an old bubblewrap): nothing to list
    for name in names:
        libc.mq_unlink(("/" + name).encode("utf-8", "surrogateescape"))
    try:
        return not os.listdir(MQUEUE_DIR)
    except OSError:
        return False


def sysv_shm_bytes():
    total = 0
    try:
        with open("/proc/sysvipc/shm") as f:
            header, *rows = f.read().splitlines()
        column = header.split().index("rss")
        for row in rows:
            total += int(row.split()[column])
    except (OSError, ValueError, IndexError):
        pass
    return total
