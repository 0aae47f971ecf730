"""Counts a client's round trips to a PostgreSQL or MariaDB server from the wire.

Not a script: server_diff_bench.py imports it. A WireCounter is a TCP proxy on 127.0.0.1 in
front of the server; the client connects to it instead and every request the client sends is
parsed and counted: PostgreSQL's simple queries ('Q') and extended-protocol syncs ('S'),
MariaDB's command packets (COM_QUERY, COM_STMT_PREPARE/EXECUTE, ...). One request waits for one
answer, so the count is the number of round trips. A request whose SQL starts with SELECT, SHOW,
WITH or DESCRIBE (or executes a statement prepared from one) counts as a catalog read too.
It cannot read TLS: a session that turns encrypted is reported, not counted.
"""
import re
import socket
import struct
import threading

READ_SQL = re.compile(rb"\s*(\(\s*)*(SELECT|SHOW|WITH|DESCRIBE|DESC|EXPLAIN)\b", re.I)
PG_PREPARE = re.compile(rb"\s*PREPARE\s+(\S+?)(\s*\([^)]*\))?\s+AS\s+(.*)", re.I | re.S)
PG_EXECUTE = re.compile(rb"\s*EXECUTE\s+([^\s(]+)", re.I)
PG_SSL_OR_GSS = (80877103, 80877104)
PG_FRONTEND_TYPES = set(b"BCdcfDEHFPpQSX")
MY_NO_ANSWER = {0x01, 0x18, 0x19}  # COM_QUIT, COM_STMT_SEND_LONG_DATA, COM_STMT_CLOSE
MY_QUERY, MY_PREPARE, MY_EXECUTE = 0x03, 0x16, 0x17


def is_read(sql):
    return bool(READ_SQL.match(sql))


class WireCounter:
    """`with WireCounter(host, port, "postgresql"|"mariadb") as w:` point the client at
    127.0.0.1:w.port; afterwards w.round_trips, w.reads, w.unparsed (sessions not counted)."""

    def __init__(self, host, port, protocol):
        self.upstream = (host, port)
        self.protocol = protocol
        self.round_trips = 0
        self.reads = 0
        self.unparsed = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._threads = []

    def __enter__(self):
        self._spawn(self._accept_loop)
        return self

    def __exit__(self, *exc):
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=5)

    def _spawn(self, target, *args):
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self):
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # listener closed
            server = socket.create_connection(self.upstream)
            for s in (client, server):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._spawn(self._pump, server, client, None)
            parser = PgParser(self) if self.protocol == "postgresql" else MyParser(self)
            self._spawn(self._pump, client, server, parser)

    @staticmethod
    def _pump(source, sink, parser):
        try:
            while data := source.recv(65536):
                if parser:
                    parser.feed(data)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def count(self, read):
        with self._lock:
            self.round_trips += 1
            self.reads += int(read)

    def give_up(self):
        with self._lock:
            self.unparsed += 1


class PgParser:
    """PostgreSQL's frontend messages: untyped start-up messages, then type byte + length."""

    def __init__(self, counter):
        self.counter, self.buf, self.started, self.dead = counter, bytearray(), False, False
        self.pending_read = False  # the extended-protocol batch so far parses a read
        self.prepared = {}

    def feed(self, data):
        if self.dead:
            return
        self.buf += data
        while not self.dead and (message := self._next()) is not None:
            self._handle(*message)

    def _next(self):
        head = 0 if not self.started else 1
        if len(self.buf) < head + 4:
            return None
        kind = self.buf[0] if self.started else None
        length = struct.unpack_from("!i", self.buf, head)[0]
        if length < 4 or (self.started and kind not in PG_FRONTEND_TYPES):
            self.dead = True  # encrypted or not PostgreSQL: stop counting this session
            self.counter.give_up()
            return None
        if len(self.buf) < head + length:
            return None
        body = bytes(self.buf[head + 4:head + length])
        del self.buf[:head + length]
        return kind, body

    def _handle(self, kind, body):
        if kind is None:
            code = struct.unpack_from("!i", body, 0)[0] if len(body) >= 4 else 0
            self.started = code not in PG_SSL_OR_GSS
            return
        if kind == ord("Q"):
            self.counter.count(self._simple_is_read(body.rstrip(b"\0")))
        elif kind == ord("P"):
            self.pending_read = is_read(body.split(b"\0", 2)[1])
        elif kind == ord("S"):
            self.counter.count(self.pending_read)
            self.pending_read = False

    def _simple_is_read(self, sql):
        if m := PG_PREPARE.match(sql):
            self.prepared[m.group(1).lower()] = is_read(m.group(3))
            return self.prepared[m.group(1).lower()]
        if m := PG_EXECUTE.match(sql):
            return self.prepared.get(m.group(1).lower(), False)
        return is_read(sql)


class MyParser:
    """MariaDB's client packets: 3-byte length, sequence number; a command has sequence 0."""

    def __init__(self, counter):
        self.counter, self.buf, self.dead = counter, bytearray(), False
        self.last_prepare_read = False

    def feed(self, data):
        if self.dead:
            return
        self.buf += data
        while len(self.buf) >= 4:
            length = int.from_bytes(self.buf[:3], "little")
            if len(self.buf) < 4 + length:
                return
            seq, payload = self.buf[3], bytes(self.buf[4:4 + length])
            del self.buf[:4 + length]
            self._handle(seq, payload)
            if self.dead:
                return

    def _handle(self, seq, payload):
        if seq == 1 and len(payload) == 32:  # the short SSL request: TLS follows
            self.dead = True
            self.counter.give_up()
            return
        if seq != 0 or not payload or payload[0] in MY_NO_ANSWER:
            return
        command = payload[0]
        if command == MY_PREPARE:
            self.last_prepare_read = is_read(payload[1:])
            read = self.last_prepare_read
        elif command == MY_EXECUTE:
            read = self.last_prepare_read
        else:
            read = command == MY_QUERY and is_read(payload[1:])
        self.counter.count(read)
