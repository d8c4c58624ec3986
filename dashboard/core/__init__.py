"""The core: schema, gazetteer, join, filters, maps, state and I/O. No Streamlit here."""
