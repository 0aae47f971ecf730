"""Today's models of a small shop (SQLAlchemy declarative)."""
from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Index, Integer, MetaData, Numeric,
                        String, Text, UniqueConstraint)
from sqlalchemy.orm import declarative_base

Base = declarative_base()
metadata = Base.metadata


class Customer(Base):
    __tablename__ = "customer"
    id = Column(Integer, primary_key=True)
    email = Column(String(200), nullable=False, unique=True)
    name = Column(String(120), nullable=False)
    active = Column(Boolean, nullable=False, server_default="1")


class Product(Base):
    __tablename__ = "product"
    id = Column(Integer, primary_key=True)
    sku = Column(String(32), nullable=False)
    title = Column(String(200), nullable=False)
    price = Column(Numeric(10, 2), nullable=False)
    description = Column(Text)
    __table_args__ = (UniqueConstraint("sku", name="uq_product_sku"),)


class Order(Base):
    __tablename__ = "purchase_order"
    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customer.id", ondelete="CASCADE"), nullable=False)
    placed_at = Column(DateTime, nullable=False)
    note = Column(Text)
    __table_args__ = (Index("ix_order_customer_placed", "customer_id", "placed_at"),)


class OrderLine(Base):
    __tablename__ = "order_line"
    id = Column(Integer, primary_key=True)
    order_id = Column(Integer, ForeignKey("purchase_order.id"), nullable=False, index=True)
    product_id = Column(Integer, ForeignKey("product.id"), nullable=False)
    quantity = Column(Integer, nullable=False, server_default="1")


# Not a MetaData nor a Base: a wrong --model attribute to point at.
VERSION = "2"
