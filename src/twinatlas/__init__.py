"""twinatlas: a sourced, time-aware registry of twin-town and sister-city agreements."""

__version__ = "0.1.0"
