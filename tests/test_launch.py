"""The launch paths that cannot run here (no Docker engine, no Kubernetes) are checked against
what set-up needs: the Dockerfile and environment.yml bring the same packages as ./course's
Debian list, on a pinned base, as uid 1000, and end in the same set-up; the JupyterHub values run
the course image as that user; the README's Binder link opens a notebook that exists."""
import os
import re
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Each Debian package ./course installs, and its conda-forge counterpart in environment.yml.
CONDA_FOR_DEBIAN = {
    "openjdk-17-jdk-headless": "openjdk=17",
    "openjdk-17-source": "openjdk=17",  # conda-forge's JDK carries lib/src.zip
    "maven": "maven",
    "jupyter-notebook": "notebook=7",
    "jupyter-client": "jupyter_client",
    "python3-nbclient": "nbclient",
    "python3-nbconvert": "nbconvert",
    "python3-jupyter-client": "jupyter_client",
    "python3-jupyter-kernel-test": "jupyter_kernel_test",
    "python3-ipykernel": "ipykernel",
}


def read(*path):
    with open(os.path.join(ROOT, *path), encoding="utf-8") as f:
        return f.read()


class LaunchTest(unittest.TestCase):

    def test_environment_yml_brings_what_set_up_installs_from_debian(self):
        debian = re.search(r"DEBIAN_PACKAGES=\((.*?)\)", read("course"), re.S).group(1).split()
        conda = set(re.findall(r"^\s*-\s*(\S+)\s*$", read("environment.yml"), re.M))
        self.assertEqual(set(CONDA_FOR_DEBIAN), set(debian), "a Debian package without a conda counterpart here")
        missing = {d: c for d, c in CONDA_FOR_DEBIAN.items() if c not in conda}
        self.assertEqual({}, missing, "environment.yml lacks these")

    def test_environment_yml_brings_the_jupyterlab_and_notebook_set_up_installs_with_pip(self):
        listed = re.search(r"LAB_PACKAGES=\((.*?)\)", read("course"), re.S).group(1)
        pip = dict(re.findall(r'"(\w+)>=(\d+),<\d+"', listed))
        self.assertEqual({"jupyterlab": "4", "notebook": "7"}, pip, listed)
        conda = set(re.findall(r"^\s*-\s*(\S+)\s*$", read("environment.yml"), re.M))
        for name, major in pip.items():
            self.assertIn(f"{name}={major}", conda)

    def test_the_dockerfile_is_pinned_runs_as_uid_1000_and_ends_in_the_same_set_up(self):
        docker = read("Dockerfile")
        base = re.search(r"^FROM\s+(\S+)", docker, re.M).group(1)
        self.assertRegex(base, r":(\d{4}-\d{2}-\d{2}|[0-9a-f]{12,})$|@sha256:", "the base image is not pinned")
        self.assertIn("NB_UID=1000", docker)
        self.assertRegex(docker, r"(?m)^USER \$\{NB_UID\}", "the image does not run as the notebook user")
        self.assertIn("environment.yml", docker)
        self.assertRegex(docker, r"(?m)^RUN \./course setup$", "the image does not run the tested set-up")

    def test_jupyterhub_runs_the_course_image_as_its_user_with_sized_resources(self):
        values = read("deploy", "jupyterhub", "config.yaml")
        self.assertRegex(values, r"\n  uid: 1000\b")
        for key in ("guarantee", "limit"):
            self.assertRegex(values, rf"memory:\n(    .*\n)*?    {key}: [0-9.]+G")
            self.assertRegex(values, rf"cpu:\n(    .*\n)*?    {key}: [0-9.]+")
        self.assertIn("tests/measure_memory.py", read("deploy", "jupyterhub", "README.md"))

    def test_the_binder_link_opens_a_notebook_that_exists(self):
        link = re.search(r"\(https://mybinder\.org/v2/gh/[^)\s]+\?urlpath=tree/([^)\s]+)\)", read("README.md"))
        self.assertIsNotNone(link, "no Binder badge link in the README")
        self.assertTrue(os.path.exists(os.path.join(ROOT, link.group(1))), link.group(1))


if __name__ == "__main__":
    unittest.main()
