"""Where the classroom listens and what it tells the teacher (no socket is bound here)."""

from urllib.parse import unquote

from experiments.cli import build_parser
from viz.classroom.address import join_url, listen_host, public_url, qr_data_uri
from viz.server import classroom_notice


def test_classroom_mode_listens_on_the_local_network_only_when_asked():
    assert listen_host("127.0.0.1", classroom=False) == "127.0.0.1"
    assert listen_host("127.0.0.1", classroom=True) == "0.0.0.0"
    assert listen_host("192.168.1.20", classroom=True) == "192.168.1.20"   # a chosen host stays


def test_run_py_viz_accepts_classroom():
    args = build_parser().parse_args(["viz", "--classroom"])
    assert args.classroom and args.host == "127.0.0.1"
    assert not build_parser().parse_args(["viz"]).classroom


def test_the_join_address_is_never_the_wildcard_address():
    assert "0.0.0.0" not in public_url("0.0.0.0", 8521)
    assert public_url("127.0.0.1", 9000) == "http://127.0.0.1:9000"


def test_the_notice_prints_the_join_address_and_warns_when_the_network_can_reach_it():
    text = classroom_notice("0.0.0.0", 8521)
    assert f"{public_url('0.0.0.0', 8521)}/join" in text
    assert "anyone on this network" in text
    assert "anyone" not in classroom_notice("127.0.0.1", 8521)


def test_the_qr_code_is_an_offline_svg_of_the_join_address():
    uri = qr_data_uri(join_url("AB3CD", "http://10.0.0.5:8521"))
    assert uri.startswith("data:image/svg+xml")
    assert "<svg" in unquote(uri) and "http" not in unquote(uri).split("<svg", 1)[1].replace(
        "http://www.w3.org/2000/svg", "")   # no reference to any outside resource
