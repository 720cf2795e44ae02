"""One exception tree for the whole product.

    PostmortemError                 base: every error we raise on purpose
    ├── InputError                  a source file cannot be used (names file and line)
    │   ├── UnsupportedFormatError  content matched no known format
    │   ├── EmptyInputError         nothing in the file
    │   ├── BinaryInputError        not text
    │   ├── EncodingError           not valid UTF-8 (or a declared encoding)
    │   ├── InputTooLargeError      over the size limit
    │   └── MalformedInputError     recognised format, broken content (truncated JSON, ...)
    ├── ConfigError                 a setting is missing or wrong (names the variable)
    ├── PromptError                 a prompt template is missing or lacks a variable
    ├── ProviderError               an LLM provider failed for good
    │   ├── ProviderUnavailableError  connection refused, timeouts, 5xx after retries
    │   └── InvalidModelOutputError   output did not validate after the bounded re-ask
    ├── LibraryError                the postmortem library / vector store failed
    └── StoreError                  the drafts database failed or refused a change
        ├── NotFoundError           no draft / comment / action item with that id
        ├── StaleSaveError          a save based on an older version (carries both texts)
        └── ReviewError             a review step that is not allowed (status, approver)

Messages say what is wrong and how to fix it. Only the CLI and UI turn these into text for people.
"""

from __future__ import annotations


class PostmortemError(Exception):
    """Base class of every error raised on purpose by Postmortem Assistant."""


class InputError(PostmortemError):
    """A source could not be used; carries the file and, where it applies, the line."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        """Keep the file and line, and format the message as ``path:line: reason``."""
        self.path = path
        self.line = line
        self.reason = message
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


class UnsupportedFormatError(InputError):
    """The content matched none of the formats we read."""


class EmptyInputError(InputError):
    """The file or pasted text holds nothing usable."""


class BinaryInputError(InputError):
    """The file is binary, not text."""


class EncodingError(InputError):
    """The bytes are not valid UTF-8."""


class InputTooLargeError(InputError):
    """The file is over the configured size limit."""


class MalformedInputError(InputError):
    """The format was recognised but the content is broken (e.g. truncated JSON)."""


class ConfigError(PostmortemError):
    """A setting is missing or invalid; the message names the environment variable."""


class PromptError(PostmortemError):
    """A prompt template is missing or was rendered without a required variable."""


class ProviderError(PostmortemError):
    """An LLM provider failed for good (after retries)."""


class ProviderUnavailableError(ProviderError):
    """The provider could not be reached, timed out, or kept answering 429/5xx."""

    def __init__(self, message: str, *, attempts: int = 0) -> None:
        """A provider failure after ``attempts`` tries."""
        self.attempts = attempts
        super().__init__(message)


class InvalidModelOutputError(ProviderError):
    """The model's output did not validate against the schema after the bounded re-ask."""

    def __init__(self, message: str, *, raw: str | None = None, attempts: int = 0) -> None:
        """Invalid model output, keeping the last raw answer and how many tries it took."""
        self.raw = raw
        self.attempts = attempts
        super().__init__(message)


class LibraryError(PostmortemError):
    """The library of past postmortems (Chroma store, index) failed."""


class StoreError(PostmortemError):
    """The drafts database (SQLite or PostgreSQL) failed or refused a change."""


class NotFoundError(StoreError):
    """No draft, comment or action item with the given id."""


class StaleSaveError(StoreError):
    """A save was based on an older version than the stored one; carries both texts so nothing is lost."""

    def __init__(
        self, message: str, *, section: str, mine: str, theirs: str, expected: int, current: int
    ) -> None:
        """A conflicting edit of ``section``: both texts and the revisions expected and found."""
        self.section = section
        self.mine = mine
        self.theirs = theirs
        self.expected = expected
        self.current = current
        super().__init__(message)


class ReviewError(StoreError):
    """A review step that the draft's status or the approval rule does not allow."""
