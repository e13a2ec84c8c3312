"""The `garden` theme: Material for MkDocs (`extends: material`) with Garden's defaults.

Chinese interface, the system's fonts (no request to Google Fonts), the navigation a vault
needs and a Chinese 404 page. Every setting is Material's own, and a site's `theme:` section
overrides any of them as it would Material's.
"""
