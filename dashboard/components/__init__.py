"""Streamlit components: each exposes one ``show`` function and holds no logic of its own."""
