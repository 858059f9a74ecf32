"""The app server for browser tests, with a line into its classroom rooms (tests only).

``python tests/app_with_control.py PORT CONTROL_PORT`` serves the app with the same
Solara command line as ``viz.server`` (run in this process) and, on a second port of
127.0.0.1 guarded by a key from the environment, answers calls to the rooms' own API
(``viz.classroom.room.REGISTRY``): join, submit, roles, and later (one room's clock reads
some seconds later). A test can then seat 60 students in a room of the real server without
opening 60 browser pages, or see a round's timer run out without waiting for it;
``tests/browser.py`` starts it.
"""

import os
import sys
import threading
from multiprocessing.connection import Listener

#: The environment variable that carries the control line's key (hex), never the command line.
KEY_ENV = "KOLABORASI_TEST_CONTROL_KEY"


def later(clock, seconds: float):
    """A clock that reads ``seconds`` later than ``clock`` does."""
    return lambda: clock() + seconds


def answer(request: tuple):
    """One call into the room ``code``: join, submit (her form's default decision), roles,
    later (the room's clock moves forward, so its timer runs out without a real wait)."""
    from viz.classroom.engine import default_decision
    from viz.classroom.room import REGISTRY

    command, code, *args = request
    room = REGISTRY.get(code)
    if command == "join":                      # (name) -> (token, role key)
        player = room.join(*args)
        return player.token, player.role
    if command == "submit":                    # (token): her page is open and she sends
        (token,) = args
        room.seen(token)
        role = room.run.role_by_key[room.players[token].role]
        room.submit(token, role.key, default_decision(role, room.run.weekly_hours))
        return None
    if command == "roles":                     # () -> every player's role key, in joining order
        return [p.role for p in room.players.values()]
    if command == "later":                     # (seconds): only this room's clock jumps on;
        (seconds,) = args                      # the server's ticker then acts on it as on time
        with room.cond:
            room.clock = later(room.clock, float(seconds))
        return None
    raise ValueError(f"unknown command {command!r}")


def serve_control(port: int, key: bytes) -> None:
    """Answer requests, one connection at a time, until the process ends."""
    with Listener(("127.0.0.1", port), authkey=key) as listener:
        while True:
            with listener.accept() as connection:
                while True:
                    try:
                        request = connection.recv()
                    except EOFError:
                        break
                    try:
                        connection.send(("ok", answer(request)))
                    except Exception as err:  # noqa: BLE001 (the test reads the refusal)
                        connection.send(("error", f"{type(err).__name__}: {err}"))


def main() -> None:
    port, control_port = int(sys.argv[1]), int(sys.argv[2])
    key = bytes.fromhex(os.environ.pop(KEY_ENV))
    threading.Thread(target=serve_control, args=(control_port, key), daemon=True,
                     name="test-control").start()
    from solara.__main__ import main as solara_main

    from viz.server import server_command

    command = server_command("127.0.0.1", port)
    sys.argv = ["solara", *command[command.index("run"):]]
    solara_main()


if __name__ == "__main__":
    main()
