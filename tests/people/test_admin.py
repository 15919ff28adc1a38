"""Editors keep the index of people in the admin; teachers cannot."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from history.core.roles import EDITORS, TEACHERS
from history.people.persons import Person, PersonMention

pytestmark = pytest.mark.django_db


def _user(name, group):
    user = get_user_model().objects.create_user(name, password="pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def _form(person, **changes):
    data = {
        "name": person.name,
        "slug": person.slug,
        "name_zh": person.name_zh,
        "pinyin": person.pinyin,
        "sort_as": person.sort_as,
        "born": person.born,
        "died": person.died,
        "short": person.short,
        "note": rich_text(person.note),
        "sources": [str(source.pk) for source in person.sources.all()],
        "wikidata": person.wikidata,
    }
    return {**data, **changes}


def test_an_editor_corrects_an_entry_and_readers_see_it(client, site_content):
    client.force_login(_user("editor", EDITORS))
    assert client.get("/admin/snippets/people/person/").status_code == 200
    assert client.get("/admin/snippets/people/person/?locale=zh-hans").status_code == 200
    assert client.get("/admin/snippets/people/personmention/").status_code == 200
    person = Person.objects.get(slug="dong-biwu", locale__language_code="en")
    url = reverse("wagtailsnippets_people_person:edit", args=[person.pk])
    assert client.get(url).status_code == 200

    # A malformed identifier or date is a form error; nothing typed is lost.
    response = client.post(url, _form(person, wikidata="5816", born="5/3/1886"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "A Wikidata item is Q followed by its number" in html
    assert "A year, a month or a day" in html
    assert 'value="5/3/1886"' in html
    person.refresh_from_db()
    assert (person.wikidata, person.born) == ("", "1886-03-05")

    short = "Chairman of the Political and Legal Affairs Committee (corrected)."
    response = client.post(url, _form(person, short=short))
    assert response.status_code == 302
    assert short in client.get("/en/people/").content.decode()


def test_an_editor_marks_a_name_only_where_the_text_has_it(client, site_content):
    client.force_login(_user("editor", EDITORS))
    person = Person.objects.get(slug="mao-zedong", locale__language_code="en")
    url = reverse("wagtailsnippets_people_personmention:add")
    data = {"edition": site_content.pk, "anchor": "p6", "version": "zh", "person": person.pk}
    response = client.post(url, {**data, "phrase": "毛泽东"})
    assert response.status_code == 200
    assert "These words are not in that paragraph." in response.content.decode()
    # Words a glossary term marks already are not marked twice: the text links them once.
    response = client.post(url, {**data, "anchor": "p27", "phrase": "毛主席"})
    assert response.status_code == 200
    assert "These words overlap “毛主席”, marked in this paragraph already" in (
        response.content.decode()
    )
    # A name the text has, marked nowhere else, is marked.
    luo = Person.objects.get(slug="luo-ruiqing", locale__language_code="en")
    PersonMention.objects.filter(person=luo, anchor="p92", version="en").delete()
    data = {"edition": site_content.pk, "anchor": "p92", "version": "en", "person": luo.pk}
    response = client.post(url, {**data, "phrase": "Luo Ruiqing"})
    assert response.status_code == 302
    assert PersonMention.objects.filter(person=luo, anchor="p92", version="en").exists()
    assert (
        'href="/en/people/#person-luo-ruiqing"'
        in client.get("/en/fifth-bulletin/").content.decode()
    )


def test_teachers_cannot_change_the_index_of_people(client, site_content):
    client.force_login(_user("teacher", TEACHERS))
    person = Person.objects.get(slug="luo-ruiqing", locale__language_code="en")
    for url in [
        "/admin/snippets/people/person/",
        reverse("wagtailsnippets_people_person:edit", args=[person.pk]),
    ]:
        assert client.get(url).status_code in (302, 403), url
