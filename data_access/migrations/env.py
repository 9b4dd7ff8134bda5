"""Alembic environment: runs migrations on the connection data_access.db_init hands over."""

from alembic import context

from data_access.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
