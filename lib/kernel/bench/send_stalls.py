"""How long one message takes to send with JeroMQ (the Java kernel's ZeroMQ) and with pyzmq
(libzmq, the Python kernel's), on this machine.

Usage: /usr/bin/python3 lib/kernel/bench/send_stalls.py   (after ./course setup)

Each side sends a six-frame, 1.2 kB message on a PUB socket every 20 ms to a subscriber in this
process, JeroMQ after 20,000 untimed sends so that the JIT has compiled its path. The send call
returns once the message is queued for ZeroMQ's I/O thread; what it can cost is waking that
thread (JeroMQ writes to a java.nio pipe, libzmq to an eventfd).
"""
import glob
import os
import socket
import statistics
import subprocess
import sys
import threading
import time

import zmq

HERE = os.path.dirname(os.path.abspath(__file__))
KERNEL_LIBS = os.path.join(HERE, "..", "target", "lib")
TIMED = 200


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def subscribe(port, stop):
    sub = zmq.Context.instance().socket(zmq.SUB)
    sub.connect(f"tcp://127.0.0.1:{port}")
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    while not stop.is_set():
        if sub.poll(100):
            sub.recv_multipart()
    sub.close()


def with_subscriber(port, send):
    stop = threading.Event()
    thread = threading.Thread(target=subscribe, args=(port, stop))
    thread.start()
    try:
        return send()
    finally:
        stop.set()
        thread.join()


def jeromq(port):
    jars = glob.glob(os.path.join(KERNEL_LIBS, "jeromq-*.jar"))
    if not jars:
        sys.exit("no JeroMQ jar in lib/kernel/target/lib: run ./course setup first")
    out = subprocess.run(["java", "-XX:+UseSerialGC", "-cp", jars[0], os.path.join(HERE, "SendStalls.java"),
                          str(port), "20000", str(TIMED)], check=True, capture_output=True, text=True).stdout
    return [int(line) for line in out.split()]


def pyzmq(port):
    pub = zmq.Context.instance().socket(zmq.PUB)
    pub.bind(f"tcp://127.0.0.1:{port}")
    time.sleep(1.5)
    micros = []
    for _ in range(TIMED):
        start = time.perf_counter()
        for _ in range(5):
            pub.send(bytes(200), zmq.SNDMORE)
        pub.send(bytes(200))
        micros.append((time.perf_counter() - start) * 1e6)
        time.sleep(0.02)
    pub.close()
    return micros


def report(name, micros):
    ordered = sorted(micros)
    slow = sum(1 for m in micros if m > 1000)
    print(f"{name:<7} median {statistics.median(micros):7.0f} us   90th percentile {ordered[int(len(ordered) * 0.9)]:7.0f} us"
          f"   max {ordered[-1]:7.0f} us   over 1 ms: {slow} of {len(micros)}")


def main():
    print(f"{TIMED} sends each, one every 20 ms; {os.cpu_count()} CPUs")
    port = free_port()
    report("JeroMQ", with_subscriber(port, lambda: jeromq(port)))
    port = free_port()
    report("pyzmq", with_subscriber(port, lambda: pyzmq(port)))


if __name__ == "__main__":
    main()
