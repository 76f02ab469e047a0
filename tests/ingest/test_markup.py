"""HTML and Markdown: main text, title and publication date kept, markup gone."""

from __future__ import annotations

from twinatlas.ingest import read_bytes, read_path
from twinatlas.models import PartialDate

PAGE = """<!doctype html>
<html lang="de"><head><meta charset="windows-1251">
<title>Витебск и Хасково продлили побратимство | Новости</title>
<meta property="article:published_time" content="2024-11-05T09:30:00+03:00">
</head><body>
<nav><a href="/">Главная</a> | <a href="/news">Новости</a> | <a href="/contacts">Контакты</a></nav>
<article>
<h1>Витебск и Хасково продлили побратимство</h1>
<p>Мэры Витебска и Хасково подписали новую программу сотрудничества на 2025–2027 годы.</p>
<p>Города являются побратимами с 1999 года и каждое лето обмениваются группами школьников.</p>
</article>
<footer>© 2003–2025 Городской портал. Все права защищены.</footer>
</body></html>
"""


def test_html_keeps_main_text_title_and_date_and_drops_navigation(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.encode("cp1251"))  # the page declares its legacy charset
    doc = read_path(path)
    assert "Мэры Витебска и Хасково подписали" in doc.text
    assert "Главная" not in doc.text and "права защищены" not in doc.text
    assert doc.title.startswith("Витебск и Хасково продлили побратимство")
    assert doc.published == PartialDate(2024, 11, 5)
    assert doc.lang == "ru"


def test_a_tiny_html_fragment_still_gives_its_text():
    doc = read_bytes(b"<p>Gdansk &amp; Grodno</p>", "fragment.htm", kind="html")
    assert doc.text == "Gdansk & Grodno"


MARKDOWN = """---
title: "Partnerstädte im Überblick"
date: 2023-09-14
---

# Partnerstädte

Die Stadt **Cottbus** pflegt eine [Partnerschaft](https://example.org/p) mit *Grodno* seit 1995.

- Cottbus – Grodno (1995)
- Cottbus – Zielona Góra

![Logo](logo.png)
<!-- internal note -->
"""


def test_markdown_loses_its_markup_but_keeps_lists_title_and_date(tmp_path):
    path = tmp_path / "partner.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    doc = read_path(path)
    assert doc.title == "Partnerstädte im Überblick"
    assert doc.published == PartialDate(2023, 9, 14)
    assert "Die Stadt Cottbus pflegt eine Partnerschaft mit Grodno seit 1995." in doc.text
    assert "- Cottbus – Grodno (1995)" in doc.text
    assert "https://" not in doc.text and "internal note" not in doc.text and "**" not in doc.text
    assert doc.text.startswith("Partnerstädte\n")


def test_markdown_without_front_matter_takes_the_first_heading_as_title():
    doc = read_bytes("Intro line\n\n## Twin towns of Lviv\n\nLviv and Wrocław.".encode(), "x.markdown", kind="markdown")
    assert doc.title == "Twin towns of Lviv"
