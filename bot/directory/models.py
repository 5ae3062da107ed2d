"""SQL models of the directory. Every row keeps the source it was taken from.

Written in SQLAlchemy's 2.0 style (``select()``, ``Session.execute``, future engines) on the
1.4 release Rasa pins, so moving to 2.0 later changes imports only.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Integer, String, Text
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Organisation(Base):
    """A regional Veilig Thuis organisation. Empty contact fields are unverified, never shown."""

    __tablename__ = "organisation"

    region_id = Column(String(40), primary_key=True)
    name = Column(String(120), nullable=False)
    source = Column(Text, nullable=False)
    website = Column(String(200))
    website_source = Column(Text)
    email = Column(String(200))
    email_source = Column(Text)
    chat_hours = Column(JSON)


class Municipality(Base):
    __tablename__ = "municipality"

    code = Column(String(6), primary_key=True)  # CBS code, e.g. GM0363
    name = Column(String(80), nullable=False)
    province = Column(String(40), nullable=False)
    region_id = Column(String(40), ForeignKey("organisation.region_id"), nullable=False)
    mapping_confidence = Column(String(20), nullable=False)
    source = Column(Text, nullable=False)


class Town(Base):
    """A BAG woonplaats."""

    __tablename__ = "town"

    code = Column(String(8), primary_key=True)
    name = Column(String(80), nullable=False, index=True)
    municipality_code = Column(String(6), ForeignKey("municipality.code"), nullable=False)
    source = Column(Text, nullable=False)


class PlaceAlias(Base):
    """A name people use that is not the official one: Den Bosch, Snits, Scheveningen."""

    __tablename__ = "place_alias"

    id = Column(Integer, primary_key=True, autoincrement=True)
    alias = Column(String(80), nullable=False, index=True)
    kind = Column(String(20), nullable=False)
    municipality_code = Column(String(6), ForeignKey("municipality.code"), nullable=False)
    town_code = Column(String(8), ForeignKey("town.code"))
    source = Column(Text, nullable=False)


class Postcode(Base):
    """A four-digit postcode and a municipality it covers; a few cover two."""

    __tablename__ = "postcode"

    pc4 = Column(String(4), primary_key=True)
    municipality_code = Column(String(6), ForeignKey("municipality.code"), primary_key=True)
    is_main = Column(Boolean, nullable=False)
    source = Column(Text, nullable=False)


class Service(Base):
    """A national hotline or a resource such as De Nieuwe Toekomst, with its whole sourced record."""

    __tablename__ = "service"

    id = Column(String(60), primary_key=True)
    kind = Column(String(20), nullable=False)
    name = Column(Text, nullable=False)
    status = Column(String(20), nullable=False)
    source = Column(Text, nullable=False)
    # Free text in the research files ("113 or 0800-0113"); the full record says what is verified.
    phone = Column(Text)
    url = Column(Text)
    unverified = Column(JSON, nullable=False)
    record = Column(JSON, nullable=False)


class ServiceChannel(Base):
    """How to reach a service (phone, chat, app, WhatsApp) and when: data/directory/service_hours.yml."""

    __tablename__ = "service_channel"

    id = Column(Integer, primary_key=True, autoincrement=True)
    service_id = Column(String(60), ForeignKey("service.id"), nullable=False)
    channel = Column(String(20), nullable=False)
    contact = Column(Text, nullable=False)
    hours = Column(JSON, nullable=False)  # always_open, weekly, on_holidays, verified
    source = Column(Text, nullable=False)


class ResourceArea(Base):
    """A municipality where a resource (De Nieuwe Toekomst) is known to have run, and when."""

    __tablename__ = "resource_area"

    id = Column(Integer, primary_key=True, autoincrement=True)
    service_id = Column(String(60), ForeignKey("service.id"), nullable=False)
    municipality_code = Column(String(6), ForeignKey("municipality.code"), nullable=False)
    organisations = Column(JSON, nullable=False)
    years = Column(String(20))
    source = Column(Text, nullable=False)


class National(Base):
    """The national facts every card falls back on (0800-2000, the national chat)."""

    __tablename__ = "national"

    key = Column(String(40), primary_key=True)
    value = Column(JSON, nullable=False)


class LoadInfo(Base):
    """Which data the database holds, so `make run` reloads only when the files changed."""

    __tablename__ = "load_info"

    key = Column(String(40), primary_key=True)
    value = Column(Text, nullable=False)
