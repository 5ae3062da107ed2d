"""Data is code: every number and website the assistant states is backed by a sourced record."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.safety_net import ALREADY_RECEIVED_TEXT, SAFETY_NET_TEXT

ROOT = Path(__file__).resolve().parent.parent
DIRECTORY = ROOT / "data" / "directory"
PHONE = re.compile(r"\b(?:0800-\d{4}|0900-\d{4}|088-\d{4} ?\d{3}|11[23])\b")
SITE = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.nl\b")


def _services() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load((DIRECTORY / "hotlines.yml").read_text())
    services = {service["id"]: service for service in data["services"]}
    # De Nieuwe Toekomst's national contact (Stichting 180) is a record of nieuwe_toekomst.yml.
    access = yaml.safe_load((DIRECTORY / "nieuwe_toekomst.yml").read_text())["access"]
    services["nieuwe_toekomst_national"] = {
        "id": "nieuwe_toekomst_national",
        "status": "active",
        "phone": access["contact_national"]["general_phone"],
        "chat_or_web": access["contact_national"]["website"],
        "source_url": access["sources"][-1]["url"],
        "unverified": [],
    }
    return services


def _texts(domain: dict[str, Any]) -> dict[str, list[str]]:
    texts = {
        name: [v.get("text", "") + " " + " ".join(b["title"] for b in v.get("buttons", [])) for v in variations]
        for name, variations in domain["responses"].items()
    }
    texts["safety_net"] = [SAFETY_NET_TEXT, ALREADY_RECEIVED_TEXT]
    return texts


SOURCES: dict[str, list[str]] = yaml.safe_load((DIRECTORY / "response_sources.yml").read_text())


def test_every_response_with_a_number_or_site_is_mapped(domain: dict[str, Any]) -> None:
    for name, variations in _texts(domain).items():
        if any(PHONE.search(t) or SITE.search(t) for t in variations):
            assert name in SOURCES, f"{name} states a number or site but has no sources"


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_numbers_and_sites_come_from_the_cited_services(name: str, domain: dict[str, Any]) -> None:
    services = _services()
    cited = [services[service_id] for service_id in SOURCES[name]]
    for service in cited:
        assert service["status"] in {"active", "route"}, service["id"]
        assert service["source_url"].startswith("https://"), service["id"]
        assert "phone" not in service.get("unverified", []), service["id"]
    backing = " ".join(f"{s['phone']} {s['chat_or_web']}" for s in cited)
    for text in _texts(domain)[name]:
        for number in PHONE.findall(text):
            exact = rf"(?<![\d-]){re.escape(number)}(?![\d-])"
            assert re.search(exact, backing), f"{name}: {number} not in {SOURCES[name]}"
        for site in SITE.findall(text):
            assert site in backing, f"{name}: {site} not in {SOURCES[name]}"


def test_no_obsolete_number_is_used(domain: dict[str, Any]) -> None:
    data = yaml.safe_load((DIRECTORY / "hotlines.yml").read_text())
    obsolete = {re.sub(r"\D", "", entry["old_contact"]) for entry in data["obsolete_or_changed"]}
    obsolete.discard("")
    for name, variations in _texts(domain).items():
        for text in variations:
            for number in PHONE.findall(text):
                assert re.sub(r"\D", "", number) not in obsolete, f"{name}: {number}"


def test_kindertelefoon_hours_match_the_source(domain: dict[str, Any]) -> None:
    # Opening hours are facts too: the record says daily 11:00-21:00.
    assert "11:00-21:00" in _services()["kindertelefoon"]["hours"]
    for text in _texts(domain)["utter_young_person"]:
        assert "11" in text and "21" in text
