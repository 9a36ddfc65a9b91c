# JupyterHub for a class on one server: learners are the machine's users in the learners' group,
# each logs in with their password (PAM) and gets a server of their own, run as them, on their own
# copy of the course. `./course hub` starts it with this file and sets what it reads below:
#   ESCAPELAB_SYSTEM      the course installed for every user (learner copies, first-login.sh)
#   ESCAPELAB_QUEUE       the benchmark queue's folder, shared by every learner's runs
#   ESCAPELAB_KERNELS     where the course's kernelspecs are installed (a Jupyter data folder)
#   ESCAPELAB_HUB_GROUP   the group whose members may log in
#   ESCAPELAB_HUB_IP, ESCAPELAB_HUB_PORT   where the hub listens (the hub's own API on PORT+1,
#                         the proxy's on PORT+2)
#   ESCAPELAB_SERVER_CMD, ESCAPELAB_SERVER_URL   what serves a learner's notebooks, and where it opens
import os
import pwd
import shlex
import subprocess

c = get_config()  # noqa: F821 (JupyterHub's config loader defines it)

system = os.environ["ESCAPELAB_SYSTEM"]
port = int(os.environ.get("ESCAPELAB_HUB_PORT", "8000"))

c.JupyterHub.bind_url = f"http://{os.environ.get('ESCAPELAB_HUB_IP', '0.0.0.0')}:{port}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{port + 1}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{port + 2}"
c.JupyterHub.cookie_secret_file = "jupyterhub_cookie_secret"
c.JupyterHub.db_url = "sqlite:///jupyterhub.sqlite"

# Learners are system users in one group; no one else (root included) logs in.
c.LocalAuthenticator.allowed_groups = {os.environ.get("ESCAPELAB_HUB_GROUP", "escapelab-learners")}
c.LocalAuthenticator.create_system_users = False

c.Spawner.cmd = shlex.split(os.environ.get("ESCAPELAB_SERVER_CMD", "jupyterhub-singleuser"))
c.Spawner.default_url = os.environ.get("ESCAPELAB_SERVER_URL", "/tree")
c.Spawner.notebook_dir = "~/escapelab/notebooks"
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 120


def home(spawner):
    return pwd.getpwnam(spawner.user.name).pw_dir


# Every learner's exports stay in their own home; their benchmark runs queue in the shared folder;
# the course's kernels are found where `./course hub` installed them.
c.Spawner.environment = {
    "ESCAPELAB_SUBMISSIONS": lambda spawner: os.path.join(home(spawner), "escapelab", "submissions"),
    "ESCAPELAB_QUEUE": os.environ["ESCAPELAB_QUEUE"],
    "JUPYTER_PATH": os.environ["ESCAPELAB_KERNELS"],
}


def first_login(spawner):
    """The learner's own copy of the course, made as the learner before their first server starts."""
    subprocess.run(["runuser", "-u", spawner.user.name, "--", "env", f"HOME={home(spawner)}",
                    "sh", os.path.join(system, "first-login.sh"), os.path.join(system, "learner")],
                   check=True, cwd="/")


c.Spawner.pre_spawn_hook = first_login
