"""Print the article record's JSON Schema (to regenerate the shipped file after changing fogofwar.record)."""

import json

from fogofwar.schema import build_schema

print(json.dumps(build_schema(), indent=1))
