"""One window per library: a second start asks the first to come forward, then exits."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500
ACTIVATE = b"activate\n"


def socket_name(name: str) -> str:
    """Where the socket lives: on Unix a full path in a folder only this user can enter (the
    session's runtime folder, or a private one in the temporary folder), so another user
    cannot take the name first. Elsewhere Qt's own named pipes are per user already."""
    if os.name != "posix":
        return name
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and _private_dir(Path(runtime)):
        return str(Path(runtime) / name)
    folder = Path(tempfile.gettempdir()) / f"advocate-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return name
    return str(folder / name) if _private_dir(folder) else name


def _private_dir(folder: Path) -> bool:
    """A real folder of this user's that nobody else may enter."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, data_folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        digest = hashlib.sha256(str(data_folder.resolve()).encode("utf-8")).hexdigest()[:16]
        self.name = socket_name(f"advocate-{digest}")
        self._server: QLocalServer | None = None

    def ask_running_instance(self) -> bool:
        """True when another copy already has this library open (and was asked to show itself)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(ACTIVATE)
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
        return True

    def listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a socket file left by a crashed run
        if not server.listen(self.name):
            return False
        server.newConnection.connect(self._connection)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # The other copy writes at once, so a short synchronous read is enough.
            if socket.bytesAvailable() or socket.waitForReadyRead(CONNECT_TIMEOUT_MS):
                if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
                    self.activation_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()
