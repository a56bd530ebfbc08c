"""The action list given to articles that came without one, so every article can be acted on."""

from __future__ import annotations

from advocate_app.core.articles.model import Action, Link, Step, Target, TargetKind
from advocate_app.core.public_pages import HOUSE_FIND, SENATE_FIND, WHITE_HOUSE_CONTACT


def default_actions() -> tuple[Action, ...]:
    """Write to your senators, your representative and the White House."""
    return (
        Action(
            number=1,
            title="Write to your U.S. senators",
            steps=(
                Step(
                    "Tell them what you think",
                    "Write to both of your senators about this article and ask them to act.",
                    (Link("Find your senators", SENATE_FIND),),
                ),
            ),
            targets=(Target(TargetKind.SENATORS),),
            generated=True,
        ),
        Action(
            number=2,
            title="Write to your U.S. representative",
            steps=(
                Step(
                    "Tell them what you think",
                    "Write to your member of the House about this article.",
                    (Link("Find your representative", HOUSE_FIND),),
                ),
            ),
            targets=(Target(TargetKind.REPRESENTATIVE),),
            generated=True,
        ),
        Action(
            number=3,
            title="Contact the White House",
            steps=(
                Step(
                    "Send a message",
                    "Use the White House contact form to share your view.",
                    (Link("whitehouse.gov/contact", WHITE_HOUSE_CONTACT),),
                ),
            ),
            targets=(Target(TargetKind.WHITE_HOUSE),),
            generated=True,
        ),
    )
