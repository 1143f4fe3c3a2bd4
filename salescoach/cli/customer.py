"""`salescoach customer ...`: keep the book of customers."""

from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import CustomerArgument, JsonOption, PlaybookOption, YesOption
from salescoach.i18n import _

app = typer.Typer(
    help="Add, find, list, edit and remove customers, and note what you learn about them.", no_args_is_help=True
)

Reference = CustomerArgument
Company = Annotated[str | None, typer.Option(help="Their company.")]
Honorific = Annotated[str | None, typer.Option(help="How to address them: Mr., Dr., 사장님 ...")]
Phone = Annotated[str | None, typer.Option(help="Phone number.")]
Email = Annotated[str | None, typer.Option(help="Email address.")]
City = Annotated[str | None, typer.Option(help="City.")]
Tier = Annotated[str | None, typer.Option(help="Follow-up tier: hot, warm or general.")]
Tags = Annotated[list[str] | None, typer.Option("--tag", help="A tag (repeat for several).")]


@app.command("add")
@clean_errors
def add_customer(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The customer's name.")],
    company: Company = None,
    honorific: Honorific = None,
    playbook: PlaybookOption = None,
    phone: Phone = None,
    email: Email = None,
    city: City = None,
    tier: Tier = None,
    tag: Tags = None,
    json_: JsonOption = False,
) -> None:
    """Add a customer to your book.

    Example: salescoach customer add "Lee Jiwoo" --company "Hanbit Motors" --honorific Ms. --tier warm --tag fleet
    """
    from salescoach.render.customers import render_customer
    from salescoach.render.output import Output
    from salescoach.usecases import customers

    customer, namesakes = customers.add(
        current_app(ctx),
        name,
        tag or [],
        company=company,
        honorific=honorific,
        playbook=playbook,
        phone=phone,
        email=email,
        city=city,
        tier=tier,
    )
    output = Output(json_)
    output.result(customer, render_customer(customer, customers.playbook_title(current_app(ctx), customer.playbook)))
    if not json_:
        output.status(_("Added #{id}. Next: salescoach prep {id}").format(id=customer.id))
        if not customer.honorific:  # every line would call them by their whole name
            output.status(
                _(
                    "No title: lines will call them {name}. To add one: salescoach customer edit {id} --honorific Ms."
                ).format(name=customer.name, id=customer.id)
            )
    if namesakes:
        ids = ", ".join(f"#{namesake.id}" for namesake in namesakes)
        output.status(
            _("Note: {name} was already in your book ({ids}); tell them apart by id.").format(
                name=customer.name, ids=ids
            )
        )


@app.command("list")
@clean_errors
def list_customers(
    ctx: typer.Context,
    tier: Tier = None,
    tag: Tags = None,
    json_: JsonOption = False,
) -> None:
    """List your customers, optionally of one tier or with given tags.

    Example: salescoach customer list --tier hot --json
    """
    from salescoach.render.customers import list_page
    from salescoach.render.output import Output
    from salescoach.usecases import customers

    found = customers.listing(current_app(ctx), tier, tag or [])
    Output(json_).page(found, lambda: list_page(found))


@app.command("show")
@clean_errors
def show_customer(ctx: typer.Context, customer: Reference, json_: JsonOption = False) -> None:
    """Show one customer with their notes and open promises.

    Example: salescoach customer show "Lee Jiwoo"
    """
    from salescoach.render.customers import render_file
    from salescoach.render.output import Output
    from salescoach.usecases import customers

    app = current_app(ctx)
    book = customers.show(app, customer)
    Output(json_).result(book, render_file(book, customers.playbook_title(app, book.customer.playbook)))


@app.command("edit")
@clean_errors
def edit_customer(
    ctx: typer.Context,
    customer: Reference,
    name: Annotated[str | None, typer.Option(help="A new name.")] = None,
    company: Company = None,
    honorific: Honorific = None,
    playbook: PlaybookOption = None,
    phone: Phone = None,
    email: Email = None,
    city: City = None,
    tier: Tier = None,
    stage: Annotated[int | None, typer.Option(help="Relationship stage you judge: 1, 2 or 3.")] = None,
    tag: Tags = None,
    untag: Annotated[list[str] | None, typer.Option("--untag", help="Remove a tag (repeat for several).")] = None,
    json_: JsonOption = False,
) -> None:
    """Change a customer's details.

    Example: salescoach customer edit "Lee Jiwoo" --tier hot --tag vip
    """
    from salescoach.render.customers import render_customer
    from salescoach.render.output import Output
    from salescoach.usecases import customers

    changed = customers.edit(
        current_app(ctx),
        customer,
        tag or [],
        untag or [],
        stage,
        name=name,
        company=company,
        honorific=honorific,
        playbook=playbook,
        phone=phone,
        email=email,
        city=city,
        tier=tier,
    )
    title = customers.playbook_title(current_app(ctx), changed.playbook)
    Output(json_).result(changed, render_customer(changed, title))


@app.command("note")
@clean_errors
def note_customer(
    ctx: typer.Context,
    customer: Reference,
    kind: Annotated[
        str, typer.Argument(help="family, work, leisure, interest, need, pain, hometown, school, workplace or other.")
    ],
    text: Annotated[str, typer.Argument(help="What you learned.")],
    say: Annotated[
        str | None,
        typer.Option(help='A short phrase to say it to them ("your son starting university"): scripts splice it in.'),
    ] = None,
) -> None:
    """Note a personal detail you learned: it tailors greetings, scripts and deepening questions.

    Example: salescoach customer note "Lee Jiwoo" family "son starts university in March" --say "your son's first term"
    """
    from salescoach.render.output import Output
    from salescoach.usecases import customers

    who, note = customers.note(current_app(ctx), customer, kind, text, say)
    from salescoach.core.vocabulary import word

    Output().status(_("Noted ({kind}) for {name}.").format(kind=word(note.kind), name=who.name))


@app.command("date")
@clean_errors
def date_customer(
    ctx: typer.Context,
    customer: Reference,
    kind: Annotated[str, typer.Argument(help="birthday, anniversary, renewal, rate_reset, lease_end or other.")],
    when: Annotated[str, typer.Argument(help="YYYY-MM-DD, or MM-DD for a yearly date.")],
    lead: Annotated[int, typer.Option("--lead", help="Days before the date to start reminding you.")] = 0,
    label: Annotated[str | None, typer.Option("--label", help="What it is, e.g. 'car insurance renewal'.")] = None,
    once: Annotated[bool, typer.Option("--once", help="A one-off date, not yearly.")] = False,
) -> None:
    """Record an important date: it appears in `followup` on the day (or --lead days before) with a script.

    Example: salescoach customer date "Lee Jiwoo" renewal 2027-03-01 --lead 30 --label "fleet insurance" --once
    """
    from salescoach.core.dates import day_text
    from salescoach.render.output import Output
    from salescoach.usecases import customers

    who, event, called = customers.add_date(current_app(ctx), customer, kind, when, lead, label, not once)
    day = day_text(event.year, event.month, event.day)
    Output().status(_("Noted {what} on {day} for {name}.").format(what=called, day=day, name=who.name))


@app.command("remove")
@clean_errors
def remove_customer(ctx: typer.Context, customer: Reference, yes: YesOption = False) -> None:
    """Remove a customer and everything recorded about them.

    Example: salescoach customer remove "Lee Jiwoo" --yes
    """
    from salescoach.render.output import Output, visible
    from salescoach.usecases import customers

    def confirm(found) -> bool:
        return yes or typer.confirm(
            _("Remove {name} (#{id}) and their whole history?").format(name=visible(found.name), id=found.id)
        )

    removed = customers.remove(current_app(ctx), customer, confirm)
    Output().status(_("Removed {name}.").format(name=removed.name) if removed else _("Kept; nothing was removed."))


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="customer")
