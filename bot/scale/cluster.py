"""The scale-out profile on one machine: 2 Rasa servers and 2 action servers behind nginx.

This is Rasa's own way to grow: stateless processes that share a PostgreSQL tracker store and
a Redis lock store (bot.scale.lock_store), behind a load balancer. `make run-cluster` starts it;
tests/test_cluster.py kills a Rasa server under load and checks nothing is lost or doubled.

    web page :WEB_PORT ──> nginx :RASA_PORT ──> rasa-1, rasa-2 ──> nginx :ACTIONS_PORT ──> actions-1, actions-2
                                                 │         │
                                   PostgreSQL (tracker, directory, stats)   Redis (conversation locks)

The nginx configuration is rendered from deploy/nginx/wegwijzer.conf.template; deploy/ holds the
same topology for docker-compose and Kubernetes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from bot.safety_net import SAFETY_NET_TEXT
from bot.stack import Ports, actions_command, rasa_command, stack_environment, web_command

TEMPLATE = Path("deploy") / "nginx" / "wegwijzer.conf.template"
ENDPOINTS = Path("deploy") / "endpoints.yml"


@dataclass(frozen=True)
class Topology:
    """Public ports (nginx and the web page) and the ports of the servers behind nginx."""

    rasa: int = 5005
    actions: int = 5055
    web: int = 8080
    rasa_servers: tuple[int, ...] = (5006, 5007)
    action_servers: tuple[int, ...] = (5056, 5057)

    @classmethod
    def from_env(cls) -> Topology:
        ports = Ports.from_env()
        return cls(
            rasa=ports.rasa,
            actions=ports.actions,
            web=ports.web,
            rasa_servers=(ports.rasa + 1, ports.rasa + 2),
            action_servers=(ports.actions + 1, ports.actions + 2),
        )


@dataclass(frozen=True)
class Storage:
    """The shared stores; defaults are the services running on these machines."""

    pg_host: str = "127.0.0.1"
    pg_port: int = 5432
    pg_database: str = "test"
    pg_user: str = "postgres"
    pg_password: str = ""
    redis_host: str = "127.0.0.1"
    redis_port: int = 6379
    redis_db: int = 1

    @classmethod
    def from_env(cls) -> Storage:
        env = os.environ
        return cls(
            pg_host=env.get("PG_HOST", cls.pg_host),
            pg_port=int(env.get("PG_PORT", cls.pg_port)),
            pg_database=env.get("PG_DATABASE", cls.pg_database),
            pg_user=env.get("PG_USER", cls.pg_user),
            pg_password=env.get("PG_PASSWORD", cls.pg_password),
            redis_host=env.get("REDIS_HOST", cls.redis_host),
            redis_port=int(env.get("REDIS_PORT", cls.redis_port)),
            redis_db=int(env.get("REDIS_DB", cls.redis_db)),
        )

    @property
    def database_url(self) -> str:
        password = f":{quote(self.pg_password, safe='')}" if self.pg_password else ""
        return f"postgresql://{quote(self.pg_user, safe='')}{password}@{self.pg_host}:{self.pg_port}/{self.pg_database}"

    def environment(self) -> dict[str, str]:
        """What deploy/endpoints.yml reads, and DATABASE_URL for the directory and the statistics."""
        return {
            "PG_HOST": self.pg_host,
            "PG_PORT": str(self.pg_port),
            "PG_DATABASE": self.pg_database,
            "PG_USER": self.pg_user,
            "PG_PASSWORD": self.pg_password,
            "REDIS_HOST": self.redis_host,
            "REDIS_PORT": str(self.redis_port),
            "REDIS_DB": str(self.redis_db),
            "DATABASE_URL": self.database_url,
            # Rasa's default PostgreSQL pool is 50 + 100 connections per process; a turn needs one.
            "SQL_POOL_SIZE": os.environ.get("SQL_POOL_SIZE", "5"),
            "SQL_MAX_OVERFLOW": os.environ.get("SQL_MAX_OVERFLOW", "10"),
            # A server that dies holding a conversation's lock blocks that conversation until the
            # ticket expires: 10 s instead of Rasa's 60. A turn takes well under a second.
            "TICKET_LOCK_LIFETIME": os.environ.get("TICKET_LOCK_LIFETIME", "10"),
        }


def upstreams(rasa: list[str], actions: list[str]) -> str:
    """The nginx upstream blocks; a server that fails is left alone for 5 s, then tried again."""

    def block(name: str, servers: list[str], sticky: bool = False) -> str:
        lines = [f"upstream {name} {{"]
        if sticky:
            lines.append("    hash $client_key consistent;")
        lines += [f"    server {server} max_fails=1 fail_timeout=5s;" for server in servers]
        lines.append("    keepalive 16;")
        return "\n".join(lines + ["}"])

    return "\n".join(
        [block("rasa", rasa), block("rasa_sticky", rasa, sticky=True), block("actions", actions)]
    )


def nginx_conf(root: Path, *, rasa_listen: str, actions_listen: str, rasa: list[str], actions: list[str]) -> str:
    """The http {} configuration for these servers, from the template in deploy/nginx/."""
    safety_net = json.dumps([{"recipient_id": "", "text": SAFETY_NET_TEXT}], ensure_ascii=False)
    replacements = {
        "@UPSTREAMS@": upstreams(rasa, actions),
        "@RASA_LISTEN@": rasa_listen,
        "@ACTIONS_LISTEN@": actions_listen,
        # nginx's return takes a quoted string: escape what would end it.
        "@SAFETY_NET_JSON@": safety_net.replace("\\", "\\\\").replace("'", "\\'"),
    }
    text = (root / TEMPLATE).read_text()
    for marker, value in replacements.items():
        text = text.replace(marker, value)
    return text


COMPOSE_NGINX_CONF = Path("deploy") / "compose" / "nginx.conf"


def compose_nginx_conf(root: Path) -> str:
    """deploy/compose/nginx.conf: the same configuration with the compose service names."""
    header = "# Generated by `python -m bot cluster --write-compose-conf` from the template; do not edit.\n"
    return header + nginx_conf(
        root,
        rasa_listen="5005",
        actions_listen="5055",
        rasa=["rasa-1:5005", "rasa-2:5005"],
        actions=["actions-1:5055", "actions-2:5055"],
    )


def _standalone_conf(root: Path, topology: Topology, prefix: Path) -> str:
    # nginx as an unprivileged foreground process, everything it writes under `prefix`.
    http = nginx_conf(
        root,
        rasa_listen=f"127.0.0.1:{topology.rasa}",
        actions_listen=f"127.0.0.1:{topology.actions}",
        rasa=[f"127.0.0.1:{port}" for port in topology.rasa_servers],
        actions=[f"127.0.0.1:{port}" for port in topology.action_servers],
    )
    temp = " ".join(
        f"{kind}_temp_path {prefix / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"daemon off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\nerror_log {prefix / 'error.log'} warn;\n"
        f"events {{ worker_connections 1024; }}\nhttp {{\n{temp}\n{http}\n}}\n"
    )


def nginx_binary() -> str:
    for candidate in ("/usr/sbin/nginx", "/usr/bin/nginx"):
        if Path(candidate).exists():
            return candidate
    raise FileNotFoundError("nginx is not installed: `make nginx` installs Debian's package")


def environment(root: Path, topology: Topology, storage: Storage) -> dict[str, str]:
    env = stack_environment(root, Ports(rasa=topology.rasa, actions=topology.actions, web=topology.web))
    env.pop("TRACKER_DB", None)  # the tracker store is PostgreSQL here
    env.update(storage.environment())
    env["ACTION_ENDPOINT_URL"] = f"http://127.0.0.1:{topology.actions}/webhook"
    env["RASA_URL"] = f"http://127.0.0.1:{topology.rasa}"
    return env


def commands(root: Path, topology: Topology, env: dict[str, str], prefix: Path) -> dict[str, list[str]]:
    result = {"nginx": [nginx_binary(), "-p", str(prefix), "-c", str(prefix / "nginx.conf")]}
    for number, port in enumerate(topology.action_servers, start=1):
        result[f"actions-{number}"] = actions_command(port, env)
    for number, port in enumerate(topology.rasa_servers, start=1):
        result[f"rasa-{number}"] = rasa_command(root, port, env, endpoints=str(ENDPOINTS))
    result["web"] = web_command(topology.web)
    return result


def urls(topology: Topology) -> dict[str, str]:
    return {
        "rasa (nginx)": f"http://127.0.0.1:{topology.rasa}/webhooks/rest/webhook",
        "actions (nginx)": f"http://127.0.0.1:{topology.actions}/health",
        "web": f"http://127.0.0.1:{topology.web}/",
        **{f"rasa-{n}": f"http://127.0.0.1:{p}/" for n, p in enumerate(topology.rasa_servers, start=1)},
        **{f"actions-{n}": f"http://127.0.0.1:{p}/health" for n, p in enumerate(topology.action_servers, start=1)},
    }


def start(
    root: Path, topology: Topology, storage: Storage, *, prefix: Path | None = None, log: Path | None = None
) -> dict[str, subprocess.Popen[bytes]]:
    """Load the directory into PostgreSQL, write nginx's configuration, start every process."""
    prefix = (prefix or root / "var" / "cluster").resolve()
    for folder in (prefix, *(prefix / kind for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))):
        folder.mkdir(parents=True, exist_ok=True)
    (prefix / "nginx.conf").write_text(_standalone_conf(root, topology, prefix))
    env = environment(root, topology, storage)
    output = log.open("ab") if log else None
    subprocess.run(
        [sys.executable, "-m", "bot", "directory", "load", "--if-stale"],
        cwd=root, env=env, check=True, stdout=output, stderr=output,
    )
    return {
        name: subprocess.Popen(cmd, cwd=root, env=env, stdout=output, stderr=output, start_new_session=True)
        for name, cmd in commands(root, topology, env, prefix).items()
    }
