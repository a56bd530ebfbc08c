"""One opened data folder, and everything a reader can do with it.

The command line and the window both act through a Session: each use case here applies the
app's rules once (the offline switch, who an action's letters go to, what counts as sent) and
reports the `Changes` it made to the session's listeners. A Session's library connection
belongs to the thread that opened it; background work uses `worker()`, a session of its own on
the same folder that reports to the same listeners.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.core import clock
from advocate_app.core.changes import Changes
from advocate_app.core.paths import library_path
from advocate_app.core.profile.model import Profile
from advocate_app.core.profile.storage import ProfileStore, ProfileUnavailable, StoredProfile
from advocate_app.core.store.database import LibraryDamagedError, LibraryDiskFullError
from advocate_app.core.store.library import Library, open_library
from advocate_app.core.store.records import ImportStatus, StoredArticle
from advocate_app.core.store.tracking import ActionRecord, Activity, CallOutcome
from advocate_app.core.web.network import NetworkOff, network_allowed, set_network_allowed

if TYPE_CHECKING:
    from advocate_app.core.articles.model import Action
    from advocate_app.core.importer import ImportResult
    from advocate_app.core.letters.compose import Letter
    from advocate_app.core.letters.recipients import Audience
    from advocate_app.core.letters.routes import Route
    from advocate_app.core.letters.templates import LetterTemplates
    from advocate_app.core.officials.directory import DirectoryInfo, UpdateReport
    from advocate_app.core.officials.geocoder import Located
    from advocate_app.core.officials.model import DirectoryStatus, MyOfficials, Official
    from advocate_app.core.officials.phone_book import PhoneLine
    from advocate_app.core.sittings import Sitting
    from advocate_app.core.store.backup import RestoreReport
    from advocate_app.core.store.feeds import Feed
    from advocate_app.core.store.letters import Addressee, LetterRecord
    from advocate_app.core.web.feeds import RefreshReport

Listener = Callable[[Changes], None]
Progress = Callable[[str], None]


class Session:
    def __init__(
        self,
        folder: Path,
        library: Library | None = None,
        *,
        today: Callable[[], date] = clock.today,
        listeners: list[Listener] | None = None,
        check: bool = False,
        read_when_full: bool = False,
    ) -> None:
        self.folder = folder
        self._library = library
        self._check = check  # look for damage when the library is first opened
        self._damaged = False
        # On a full disk the library can still be read as last saved (a snapshot), when the
        # caller only reads; writing through a snapshot is refused by SQLite.
        self._read_when_full = read_when_full
        self._snapshot = library is not None and library.snapshot
        self.today = today
        self.profiles = ProfileStore(folder)
        self._listeners: list[Listener] = listeners if listeners is not None else []
        self._templates: LetterTemplates | None = None

    @classmethod
    def open(
        cls, folder: Path, *, create: bool = True, today: Callable[[], date] = clock.today
    ) -> Session:
        """Open the library in `folder` (see store.database for the errors it raises)."""
        return cls(folder, open_library(library_path(folder), create=create), today=today)

    def worker(self) -> Session:
        """A session for another thread: its own connection (opened on first use), the same
        listeners, and read-only when the library was found damaged."""
        worker = Session(self.folder, today=self.today, listeners=self._listeners)
        worker._damaged = self._damaged
        worker._snapshot = self._snapshot
        return worker

    @property
    def library(self) -> Library:
        """The library, opened (and created if need be) on first use."""
        if self._library is None:
            path = library_path(self.folder)
            try:
                self._library = open_library(
                    path, check=self._check, read_only=self._damaged, snapshot=self._snapshot
                )
            except LibraryDiskFullError:
                if not self._read_when_full:
                    raise
                self._library = open_library(path, create=False, snapshot=True)
                self._snapshot = True
        return self._library

    @property
    def snapshot(self) -> bool:
        """The library was opened as last saved, on a full disk: nothing can be written."""
        return self._snapshot

    @property
    def damaged(self) -> bool:
        return self._damaged

    def verify_library(self, *, full: bool = True) -> None:
        """Look for damage in the library file (`full` reads every page: keep it off the
        window's thread; else only the tables commands write). LibraryDamagedError when found;
        from then on nothing is written."""
        try:
            self.library.verify(full=full)
        except LibraryDamagedError:
            self._damaged = True
            raise

    def mark_damaged(self) -> None:
        """Another connection found the library damaged: write nothing more through this one."""
        self._damaged = True
        if self._library is not None:
            self._library.read_only()

    def auto_backup_if_due(self) -> Path | None:
        """Today's automatic backup of the library, unless it exists already (seven are kept)."""
        if self._damaged or self._snapshot or not self.has_library():
            return None
        return self.library.auto_backup(self.folder, self.today().isoformat())

    def latest_auto_backup(self) -> Path | None:
        from advocate_app.core.store.backup import auto_backups

        found = auto_backups(self.folder)
        return found[0] if found else None

    def recover(self, source: Path | None) -> RestoreReport:
        """Put a rebuilt library in place of a damaged one: from the backup `source`, or from
        what can still be read (None). The damaged file is kept beside it."""
        from advocate_app.core.store.backup import replace_damaged

        path = library_path(self.folder)
        if self._library is not None:
            self._library.close()
        report = replace_damaged(path, source)
        self._damaged = False
        if self._library is not None:
            self._library.reopen()
        self._report(Changes(everything=True))
        return report

    def has_library(self) -> bool:
        """Whether there is a library in the folder yet (without creating one)."""
        return self._library is not None or library_path(self.folder).exists()

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None
        if self._templates is not None:
            self._templates.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- changes -------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _report(self, changes: Changes) -> Changes:
        if changes:
            for listener in list(self._listeners):
                listener(changes)
        return changes

    # --- articles ------------------------------------------------------------
    def article(self, article_id: int) -> StoredArticle | None:
        return self.library.get(article_id)

    def rename_article(self, article_id: int, title: str) -> bool:
        """The reader's own title for an article; ValueError when it is empty."""
        renamed = self.library.rename(article_id, title)
        if renamed:
            self._report(Changes(content=frozenset({article_id}), articles=frozenset({article_id})))
        return renamed

    def action(self, article_id: int, number: int) -> tuple[StoredArticle, Action] | None:
        """An article and one of its actions, or None when either is not there."""
        stored = self.library.get(article_id)
        if stored is None:
            return None
        action = next((a for a in stored.article.actions if a.number == number), None)
        return None if action is None else (stored, action)

    def import_paths(
        self,
        paths: Iterable[Path],
        *,
        cancelled: Callable[[], bool] = lambda: False,
        progress: Callable[[ImportResult], None] | None = None,
        allow_short: bool = False,
    ) -> list[ImportResult]:
        """Import files and folders; one result per file, reported as each is stored. Texts
        too short to be articles are refused unless `allow_short`."""
        from advocate_app.core.importer import import_paths

        results: list[ImportResult] = []
        try:
            for result in import_paths(
                self.library, paths, cancelled=cancelled, allow_short=allow_short
            ):
                results.append(result)
                if progress is not None:
                    progress(result)
        finally:
            stored = [r for r in results if r.id is not None and not r.failed]
            if stored:
                changed = frozenset(
                    r.id for r in stored if r.status is not ImportStatus.UNCHANGED and r.id
                )
                self._report(Changes(article_list=True, content=changed, articles=changed))
        return results

    def add_welcome_article(self) -> int | None:
        from advocate_app.core.welcome import add_welcome_article

        article_id = add_welcome_article(self.library)
        if article_id is not None:
            self._report(Changes(article_list=True))
        return article_id

    def set_read(self, ids: list[int], read: bool) -> None:
        self.library.set_read(ids, read)
        self._report(Changes(articles=frozenset(ids), feeds=True))

    def set_starred(self, ids: list[int], starred: bool) -> None:
        self.library.set_starred(ids, starred)
        self._report(Changes(articles=frozenset(ids)))

    def delete(self, ids: list[int]) -> None:
        """Move articles to the trash; `undelete` brings them back until the window closes."""
        self.library.delete(ids)
        self._report(Changes(article_list=True, feeds=True))

    def undelete(self, ids: list[int]) -> None:
        self.library.undelete(ids)
        self._report(Changes(article_list=True, feeds=True))

    def purge_deleted(self) -> int:
        count = self.library.purge_deleted()
        if count:
            self._report(Changes(article_list=True))
        return count

    # --- tracking ------------------------------------------------------------
    def records(self, article_id: int) -> dict[int, ActionRecord]:
        return self.library.tracking.records(article_id)

    def set_done(self, article_id: int, number: int, done: bool, note: str | None = None) -> bool:
        changed = self.library.tracking.set_done(article_id, number, done, note)
        self._report(Changes(tracking=frozenset({article_id})))
        return changed

    def add_note(self, article_id: int, number: int, note: str) -> None:
        """A note says what was done, so it marks the action done too."""
        self.set_done(article_id, number, True, note.strip() or None)

    def log_call(
        self,
        article_id: int,
        number: int,
        official: Official | str,
        outcome: CallOutcome,
        note: str | None = None,
        *,
        known: list[Official] | None = None,
    ) -> int:
        """Record a call to an official, or to someone named: a name is matched to the one it
        means among `known` (else the reader's officials) and those this action's letters went
        to, so "Senator Patty Murray" and "Patty Murray" count as one person."""

        return self.log_calls([(article_id, number)], official, outcome, note, known=known)[0]

    def log_calls(
        self,
        actions: list[tuple[int, int]],
        official: Official | str,
        outcome: CallOutcome,
        note: str | None = None,
        *,
        known: list[Official] | None = None,
    ) -> list[int]:
        """One call that covered several actions (article id, action number): the same
        outcome on each. A name is matched as log_call says."""
        from advocate_app.core.identity import match_name, name_key

        if isinstance(official, str):
            name = official.strip()
            people = known if known is not None else self.my_officials().everyone()
            candidates = [(p.key, p.name) for p in people]
            for article_id, number in actions:
                candidates += self.library.tracking.written_to(article_id, number)
            key = match_name(name, candidates) or f"name:{name_key(name)}"
        else:
            name, key = official.display_name, official.key
        call_ids = self.library.tracking.log_calls(actions, name, outcome, note, official_key=key)
        self._report(Changes(tracking=frozenset(article_id for article_id, _ in actions)))
        return call_ids

    # --- sittings and calls --------------------------------------------------------
    def sitting(self, official_key: str | None = None) -> Sitting:
        """The open actions for one of the reader's officials (by key), or all of them."""
        from advocate_app.core.sittings import build_sitting

        return build_sitting(self.library, self.my_officials(), official_key)

    def waiting(self) -> tuple[int, int]:
        """What a reminder says is waiting: follow-ups due today, and the open actions for
        the reader's officials (as many as a sitting with all of them would hold)."""
        from advocate_app.core.sittings import count_sitting

        library = self.library
        return (
            library.tracking.count_follow_ups_due(self.today()),
            count_sitting(library, self.my_officials()),
        )

    def call_script(
        self,
        covered: list[tuple[int, int]],
        official: Official,
        *,
        no_response: bool = False,
    ) -> str:
        """What to say when calling `official` about each (article id, action number);
        LetterTemplateError when the script's template cannot be used, LookupError when an
        action is no longer in the library."""
        from advocate_app.core.letters.call_script import call_script

        pairs = []
        for article_id, number in covered:
            found = self.action(article_id, number)
            if found is None:
                raise LookupError(f"article {article_id} has no action {number} any more")
            pairs.append((found[0].article, found[1]))
        profile = self.load_profile().profile
        return call_script(
            pairs, official, profile, self.templates, no_response=no_response, today=self.today()
        )

    def phone_lines(self, official: Official) -> list[PhoneLine]:
        """Every number of the official's office, nearest to the reader first."""
        from advocate_app.core.officials.phone_book import phone_lines

        return phone_lines(official, self.load_profile().profile.zip5)

    def set_follow_up(self, article_id: int, number: int, due: date | None) -> None:
        self.library.tracking.set_follow_up(article_id, number, due)
        self._report(Changes(tracking=frozenset({article_id})))

    def activity(self, weeks: int = 12) -> Activity:
        return self.library.tracking.activity(self.today(), weeks)

    # --- letters -------------------------------------------------------------
    @property
    def templates(self) -> LetterTemplates:
        if self._templates is None:
            from advocate_app.core.letters.templates import LetterTemplates

            self._templates = LetterTemplates(self.folder)
        return self._templates

    def compose(
        self,
        stored: StoredArticle,
        action: Action,
        officials: MyOfficials,
        profile: Profile,
        *,
        audience: Audience | None = None,
        template: str | None = None,
        recipients: list[Official] | None = None,
    ) -> list[Letter]:
        """Letters for the action's officials (or `recipients`); LetterTemplateError when the
        template cannot be used."""
        from advocate_app.core.letters.compose import compose_letters
        from advocate_app.core.letters.recipients import Audience

        return compose_letters(
            stored.article,
            action,
            officials,
            profile,
            self.templates,
            audience=audience or Audience.ALL,
            template=template,
            today=self.today(),
            recipients=recipients,
        )

    def save_letter(
        self,
        article_id: int,
        number: int,
        letter: Letter,
        *,
        letter_id: int | None = None,
        edited: bool = True,
    ) -> int:
        """Keep the letter being written as a draft (the one `letter_id` names while it is not
        sent, else the one open letter to that recipient for this action)."""
        saved = self.library.letters.save(
            article_id,
            number,
            _addressee(letter),
            letter.subject,
            letter.body,
            template=letter.template or None,
            edited=edited,
            letter_id=letter_id,
        )
        self._report(Changes(letters=True))
        return saved

    def deliver_letter(
        self,
        article_id: int,
        number: int,
        letter: Letter,
        route: Route,
        letter_id: int | None = None,
    ) -> int:
        """Keep a delivery attempt that worked (copied, page opened, mail program opened,
        printed, saved as PDF) on the letter, with its text as the reader left it. It is not a
        send: only mark_letter_sent counts one."""
        saved = self.library.letters.save(
            article_id,
            number,
            _addressee(letter),
            letter.subject,
            letter.body,
            template=letter.template or None,
            edited=False,
            letter_id=letter_id,
        )
        self.library.letters.deliver(saved, str(route))
        self._report(Changes(tracking=frozenset({article_id}), letters=True))
        return saved

    def mark_letter_sent(self, letter_id: int, sent: bool = True) -> LetterRecord:
        """The reader says the letter was sent (or takes that back). LetterNotFound when there
        is no such letter; ValueError when it cannot be taken back."""
        from advocate_app.core.store.letters import LetterNotFound

        if self.library.letters.mark_sent(letter_id, sent):
            record = self.library.letters.get(letter_id)
            touched = (
                frozenset({record.article_id}) if record and record.article_id else frozenset()
            )
            self._report(Changes(tracking=touched, letters=True))
        record = self.library.letters.get(letter_id)
        if record is None:
            raise LetterNotFound(f"there is no letter {letter_id}")
        return record

    def delete_letter(self, letter_id: int) -> bool:
        """Delete a letter not sent (a draft); a sent letter stays in the record."""
        record = self.library.letters.get(letter_id)
        deleted = self.library.letters.delete(letter_id)
        if deleted:
            touched = (
                frozenset({record.article_id}) if record and record.article_id else frozenset()
            )
            self._report(Changes(tracking=touched, letters=True))
        return deleted

    def letter(self, letter_id: int) -> LetterRecord | None:
        return self.library.letters.get(letter_id)

    def letters(self, article_id: int | None = None, *, drafts: bool = False) -> list[LetterRecord]:
        """Letters delivered or sent, newest first (with `drafts`, those only being written)."""
        return self.library.letters.list(article_id, drafts=drafts)

    def open_letters(self, article_id: int, number: int) -> dict[str, LetterRecord]:
        """The letters of one action not sent yet, by recipient key: the composer's drafts."""
        return self.library.letters.open_letters(article_id, number)

    # --- the reader and their officials -------------------------------------------
    def load_profile(self) -> StoredProfile:
        """The reader's details (this may wait on the system keychain)."""
        return self.profiles.load()

    def save_profile(self, profile: Profile) -> StoredProfile:
        """Save the reader's details. When the ZIP code or state changed (a move), a saved
        district that does not lie in the new ZIP code is dropped, and the note says so."""
        from dataclasses import replace

        loaded = self.profiles.load()
        if loaded.unreadable:
            raise ProfileUnavailable(
                f"{loaded.notice} Your details are kept there, so they cannot be changed safely "
                "now: unlock the keychain and try again. Nothing was saved."
            )
        before = loaded.profile
        notes: list[str] = []
        moved = (before.zip5, before.state.upper()) != (profile.zip5, profile.state.upper())
        if moved and profile.district is not None and profile.district_zip != profile.zip5:
            districts = self._zip_districts(profile)
            if districts and profile.district not in districts:
                notes.append(
                    f"Your district ({profile.district}) was for your old address and does not "
                    f"include the ZIP code {profile.zip5}; it was cleared. Choose your district "
                    "again, or find it from your address."
                )
                profile = replace(
                    profile, district=None, district_source="", district_zip="", district_date=""
                )
        saved = self.profiles.save(profile)
        self._report(Changes(profile=True))
        return replace(saved, notes=tuple(notes))

    def _zip_districts(self, profile: Profile) -> set[int]:
        """The districts the directory places the profile's ZIP code in (within its state)."""
        from advocate_app.core.officials.directory import open_directory

        directory = open_directory(self.folder)
        if directory is None or not profile.zip5:
            return set()
        try:
            rows = directory.zip_rows(profile.zip5)
        finally:
            directory.close()
        state = profile.state.upper()
        return {r.district for r in rows if not state or r.state == state}

    def check_address(self, profile: Profile) -> list[str]:
        """Problems a person should confirm before saving: a ZIP code outside the state."""
        from advocate_app.core.officials.directory import open_directory
        from advocate_app.core.officials.lookup import state_for_zip
        from advocate_app.core.profile.model import STATES

        state, zip5 = profile.state.upper(), profile.zip5
        if not zip5 or len(zip5) != 5:
            return []
        directory = open_directory(self.folder)
        try:
            table = sorted({r.state for r in directory.zip_rows(zip5)}) if directory else []
        finally:
            if directory is not None:
                directory.close()
        known = table or ([s] if (s := state_for_zip(zip5)) else [])
        if not known:
            return [f"{zip5} is not a known U.S. ZIP code."]
        if state and state not in known:
            where = " and ".join(STATES.get(s, s) for s in known)
            return [f"The ZIP code {zip5} is in {where}, not in {STATES.get(state, state)}."]
        return []

    def choose_district(self, district: int | None) -> StoredProfile:
        """The reader says which district is theirs (for a ZIP code split between several)."""
        from dataclasses import replace

        profile = self.profiles.load().profile
        return self.save_profile(
            replace(
                profile,
                district=district,
                district_source="you" if district is not None else "",
                district_zip=profile.zip5 if district is not None else "",
                district_date=self.today().isoformat() if district is not None else "",
            )
        )

    def locate_district(self, url: str | None = None) -> tuple[Located, StoredProfile]:
        """Find the reader's district from their saved street address with the Census
        geocoder (online, only when asked), and save it with the date and the source.

        Raises NetworkOff when working offline, GeocodeError when the address cannot be
        placed in one district of the reader's state.
        """
        from dataclasses import replace

        from advocate_app.core.officials.geocoder import GeocodeError, locate
        from advocate_app.core.profile.model import STATES

        if not self.network_allowed():
            raise NetworkOff()
        profile = self.profiles.load().profile
        located = locate(profile, url)
        state = profile.state.upper()
        if state and located.state != state:
            raise GeocodeError(
                f"The geocoder placed your address in {STATES.get(located.state, located.state)}"
                f", not {STATES.get(state, state)}: check your details."
            )
        saved = self.save_profile(
            replace(
                profile,
                state=state or located.state,
                district=located.district,
                district_source="address",
                district_zip=profile.zip5,
                district_date=self.today().isoformat(),
            )
        )
        return located, saved

    def my_officials(self) -> MyOfficials:
        """The reader's officials today, from their details and the directory (this reads the
        keychain and the ZIP data: keep it off the window's thread)."""
        from dataclasses import replace

        from advocate_app.core.officials.choices import load_choices
        from advocate_app.core.officials.directory import index_path, open_directory
        from advocate_app.core.officials.lookup import find_officials
        from advocate_app.core.officials.model import Need

        profile = self.profiles.load().profile
        directory = open_directory(self.folder)
        try:
            found = find_officials(
                profile, directory, today=self.today(), choices=load_choices(self.folder)
            )
        finally:
            if directory is not None:
                directory.close()
        if directory is None and index_path(self.folder).exists():
            return replace(
                found,
                notes=(
                    "The directory of officials was made by another version of Advocate, or is "
                    "damaged; update it.",
                ),
                needs=(Need.UPDATE_DIRECTORY,),
            )
        return found

    def set_contact_url(self, bioguide: str, url: str) -> None:
        """The reader's own web form or mail address for an office ("" forgets it).

        Raises ValueError for an address that is neither a web nor a mail link.
        """
        from dataclasses import replace

        from advocate_app.core.officials.choices import load_choices, save_choices

        url = url.strip()
        if url and not url.startswith(("http://", "https://", "mailto:")):
            raise ValueError("Give a web address (https://…) or an email link (mailto:…).")
        choices = load_choices(self.folder)
        urls = dict(choices.contact_urls)
        if url:
            urls[bioguide] = url
        else:
            urls.pop(bioguide, None)
        save_choices(self.folder, replace(choices, contact_urls=urls))
        self._report(Changes(officials=True))

    def set_typed_officials(
        self, senators: tuple[str, ...] | None, representative: str | None
    ) -> None:
        """Names the reader typed, used where there is no directory (None keeps what was set)."""
        from dataclasses import replace

        from advocate_app.core.officials.choices import load_choices, save_choices

        choices = load_choices(self.folder)
        choices = replace(
            choices,
            senators=tuple(senators[:2]) if senators is not None else choices.senators,
            representative=(
                representative if representative is not None else choices.representative
            ),
        )
        save_choices(self.folder, choices)
        self._report(Changes(officials=True))

    def directory_info(self) -> DirectoryInfo | None:
        from advocate_app.core.officials.directory import open_directory

        directory = open_directory(self.folder)
        if directory is None:
            return None
        try:
            return directory.info()
        finally:
            directory.close()

    def update_directory(
        self,
        source: str | None = None,
        progress: Progress | None = None,
        *,
        zip_table: str | None = None,
        zip_congress: int | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> UpdateReport:
        """Download (or copy from a folder) a new directory of officials; the one in use stays
        unless the new one is complete and checked. Downloads respect the offline switch."""
        from advocate_app.core.officials.directory import is_download, update_directory

        if (is_download(source) or (zip_table or "").startswith(("http://", "https://"))) and (
            not self.network_allowed()
        ):
            raise NetworkOff()
        report = update_directory(
            self.folder,
            source,
            progress,
            today=self.today(),
            zip_table=zip_table,
            zip_congress=zip_congress,
            cancelled=cancelled,
        )
        self._report(Changes(officials=True))
        return report

    def directory_status(self) -> DirectoryStatus | None:
        """How current the directory is today, or None when there is none."""
        from advocate_app.core.officials.directory import open_directory
        from advocate_app.core.officials.lookup import directory_status

        directory = open_directory(self.folder)
        if directory is None:
            return None
        try:
            return directory_status(directory, self.today())
        finally:
            directory.close()

    # --- the web -------------------------------------------------------------
    def network_allowed(self) -> bool:
        # A folder with no library yet has never been told to work offline.
        return not self.has_library() or network_allowed(self.library)

    def set_network_allowed(self, allowed: bool) -> None:
        set_network_allowed(self.library, allowed)
        self._report(Changes(network=True))

    def fetch_article(
        self, url: str, cancelled: Callable[[], bool] | None = None
    ) -> tuple[int, str]:
        """Download a page and keep it; (article id, import status)."""
        from advocate_app.core.web import feeds

        article_id, status = feeds.fetch_article(self.library, url, cancelled=cancelled)
        self._report(Changes(article_list=True, content=frozenset({article_id}), feeds=True))
        return article_id, status

    def feeds(self) -> list[Feed]:
        return self.library.feeds.list()

    def add_feed(self, url: str, cancelled: Callable[[], bool] | None = None) -> Feed:
        from advocate_app.core.web import feeds

        feed = feeds.add_feed(self.library, url, cancelled=cancelled)
        self._report(Changes(feeds=True))
        return feed

    def remove_feed(self, feed_id: int) -> bool:
        removed = self.library.feeds.remove(feed_id)
        self._report(Changes(feeds=True, article_list=True))
        return removed

    def refresh_feeds(
        self,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        delay: float | None = None,
    ) -> list[RefreshReport]:
        from advocate_app.core.web import feeds

        try:
            return feeds.refresh_feeds(
                self.library,
                progress=progress,
                cancelled=cancelled,
                **({} if delay is None else {"delay": delay}),
            )
        finally:
            self._report(Changes(feeds=True, article_list=True))

    def import_opml(self, data: bytes | str) -> int:
        from advocate_app.core.web import feeds

        count = feeds.import_opml(self.library, data)
        self._report(Changes(feeds=True))
        return count

    def export_opml(self) -> str:
        from advocate_app.core.web import feeds

        return feeds.export_opml(self.library.feeds.list())

    # --- keeping it safe -------------------------------------------------------
    def export(self, fmt: str) -> str:
        """What was done, as "json" or "csv" text."""
        from advocate_app.core.store.export import export_csv, export_json

        return export_json(self.library) if fmt == "json" else export_csv(self.library)

    def backup(self, target: Path) -> Path:
        return self.library.backup_to(target)

    def restore(self, source: Path) -> RestoreReport:
        """Replace the library with a backup's data (never its schema); says where the
        previous library was saved and what the backup had that was left out."""
        if self._damaged:
            return self.recover(source)
        report = self.library.replace_with(source)
        self._report(Changes(everything=True))
        return report


def _addressee(letter: Letter) -> Addressee:
    from advocate_app.core.store.letters import Addressee

    person = letter.recipient
    return Addressee(person.key, person.name, str(person.kind), person.bioguide or None)


def _article_of(record: LetterRecord) -> frozenset[int]:
    return frozenset({record.article_id}) if record.article_id is not None else frozenset()
