"""Public government pages and addresses Advocate points readers to (facts, kept in one place)."""

from __future__ import annotations

SENATE_FIND = "https://www.senate.gov/senators/senators-contact.htm"
HOUSE_FIND = "https://www.house.gov/representatives/find-your-representative"
WHITE_HOUSE_CONTACT = "https://www.whitehouse.gov/contact/"
WHITE_HOUSE_SITE = "https://www.whitehouse.gov/"
WHITE_HOUSE_ADDRESS = "The White House, 1600 Pennsylvania Avenue NW, Washington, DC 20500"
WHITE_HOUSE_PHONE = "202-456-1111"
WHITE_HOUSE_FORM_LIMIT = 2000  # characters the White House contact form takes
