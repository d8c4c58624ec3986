"""Energy Strike Map: strikes on energy infrastructure in the Russia–Ukraine war."""
