"""The shop's models as they were a year ago: the legacy database is built from these."""
from sqlalchemy import Column, DateTime, ForeignKey, Integer, Numeric, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customer"
    id = Column(Integer, primary_key=True)
    email = Column(String(100), nullable=False)
    name = Column(String(120))


class Product(Base):
    __tablename__ = "product"
    id = Column(Integer, primary_key=True)
    sku = Column(String(32), nullable=False)
    title = Column(String(200), nullable=False)
    price = Column(Numeric(10, 2), nullable=False)
    discontinued = Column(Integer)


class Order(Base):
    __tablename__ = "purchase_order"
    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customer.id"), nullable=False)
    placed_at = Column(DateTime, nullable=False)
