"""Accounts and admin forms shared by the publishing tests."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def account(username, group):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password="pw", first_name=username
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def essay_form(essay, text, image_block=None, **fields):
    """An essay's edit form as the admin posts it: one paragraph of `text`, then an image
    block (`image_block`: the ImageBlock's fields) if given."""
    body = [("paragraph", rich_text(f"<p>{text}</p>"))]
    if image_block is not None:
        body.append(
            (
                "image",
                {
                    "image": image_block,
                    "caption": rich_text(""),
                    "credit": "",
                    "licence": "",
                },
            )
        )
    data = {
        "title": essay.title,
        "slug": essay.slug,
        "standfirst": essay.standfirst,
        "author": essay.author,
        "date": "2026-11-01",
        "content_note": "",
        "hero_alt_text": "",
        "hero_caption": "",
        "hero_credit": "",
        "hero_licence": "",
        "body": streamfield(body),
        "footnotes": inline_formset([]),
        "bibliography": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)
