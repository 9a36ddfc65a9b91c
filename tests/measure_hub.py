"""Sizes a class server: one, then two, then three learners run task 12 at once on the hub that
`./course hub` serves (the set-up of tests/test_hub.py, fresh learners each round, so each
kernel starts cold as in class). Prints, per round, each learner's time from Run All to green and
the peak memory of the server's side: the resident memory of every process of the learners
(their servers, kernels and benchmark forks) and of the hub, sampled every 200 ms.

    as root: /usr/bin/python3 tests/measure_hub.py
"""
import os
import pwd
import subprocess
import threading

import test_hub


class Sizing(test_hub.HubTest):
    LEARNERS = "abcdef"


def resident_mib(uids, pids):
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                status = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        uid = int(status.get("Uid", "-1").split()[0])
        if uid in uids or int(entry) in pids:
            total += int(status.get("VmRSS", "0 kB").split()[0])
    return total / 1024


def hub_pids(leader):
    out = subprocess.run(["pgrep", "-s", str(leader)], capture_output=True, text=True).stdout
    return {int(p) for p in out.split()}


def main():
    Sizing.setUpClass()
    try:
        case = Sizing("test_three_learners_at_once")
        rounds = [Sizing.names[:1], Sizing.names[1:3], Sizing.names[3:6]]
        print("| learners at once | each learner's Run All to green | peak memory, learners' processes and hub |")
        print("|---|---|---|")
        for names in rounds:
            uids = {pwd.getpwnam(n).pw_uid for n in names}
            peak, stop = [0.0], threading.Event()

            def sample():
                while not stop.is_set():
                    peak[0] = max(peak[0], resident_mib(uids, hub_pids(Sizing.hub.pid)))
                    stop.wait(0.2)

            sampler = threading.Thread(target=sample)
            sampler.start()
            try:
                shown = case.learner_runs(names)
            finally:
                stop.set()
                sampler.join()
            times = ", ".join(f"{shown[n]['seconds']:.0f} s" for n in names)
            green = all(not shown[n]["errors"] for n in names)
            print(f"| {len(names)} | {times}{'' if green else ' (errors!)'} | {peak[0]:.0f} MiB |", flush=True)
    finally:
        Sizing.doClassCleanups()


if __name__ == "__main__":
    main()
