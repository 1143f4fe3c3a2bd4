"""Settings: the language, default playbook and team database (in ``config.yaml``), and the rep's profile (in the
store).

Profile fields are reachable here as ``profile.name``, ``profile.company``, ... so one command reads and changes
everything a rep configures.
"""

from __future__ import annotations

from salescoach import settings
from salescoach.core.records import Profile
from salescoach.errors import FieldError, InvalidInput
from salescoach.i18n import _
from salescoach.paths import ensure_private_dir
from salescoach.usecases import profile
from salescoach.usecases.app import App

PROFILE_PREFIX = "profile."


def keys() -> list[str]:
    return [*settings.KEYS, *(PROFILE_PREFIX + field for field in Profile.FIELDS)]


def _check_key(key: str) -> None:
    if key not in keys():
        raise InvalidInput(_("unknown setting {key!r}: use one of {keys}").format(key=key, keys=", ".join(keys())))


def get(app: App, key: str | None) -> dict[str, object]:
    if key is not None:
        _check_key(key)
    current = settings.read(app.where.config)
    values: dict[str, object] = {name: current.get(name) for name in settings.KEYS}
    if key in values:  # the file alone: a rep fixing a wrong database.url must not need the database
        return {key: values[key]}
    rep = profile.show(app)._asdict()
    values |= {PROFILE_PREFIX + field: rep[field] for field in Profile.FIELDS}
    return {key: values[key]} if key else values


def set_(app: App, key: str, value: str) -> None:
    """Change one setting; an empty value unsets it."""
    _check_key(key)
    if key.startswith(PROFILE_PREFIX):
        try:
            profile.update(app, **{key.removeprefix(PROFILE_PREFIX): value})
        except FieldError as error:  # the same rule as `profile set`, said of the key the rep typed
            raise FieldError(key, error.reason, **error.facts) from None
        return
    with settings.locked(ensure_private_dir(app.where.home)):
        current = settings.read(app.where.config)
        if value:
            current[key] = value
        else:
            current.pop(key, None)
        _check(current)
        if key == "playbook" and value:
            app.playbook(value)
        settings.write(app.where.config, current)


def _check(values: dict[str, str]) -> None:
    """Refuse unknown keys, languages and playbook names (``config set`` runs with the interface language already
    chosen)."""
    from salescoach.playbook.loader import PLAIN_NAME

    for key, value in values.items():
        if key not in settings.KEYS:
            raise InvalidInput(
                _("unknown setting {key!r}: use one of {keys}").format(key=key, keys=", ".join(settings.KEYS))
            )
        if key == "language" and value not in settings.LANGUAGES:
            raise InvalidInput(
                _("{field}: {value!r} is not one of {choices}").format(
                    field="language", value=value, choices=", ".join(settings.LANGUAGES)
                )
            )
        if key == "database.url":
            from salescoach.core.fields import database_url

            database_url(value)
        if key == "playbook" and not PLAIN_NAME.fullmatch(value):
            raise InvalidInput(_("no playbook named {name!r}").format(name=value))
