"""Symbols for the kinds of action: shape and colour, so that they read in greyscale and for
colour-blind readers (colours from the Okabe–Ito palette). The map's markers reuse them."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

SYMBOLS = {
    "arrests": ("#0072B2", '<circle cx="10" cy="10" r="7.5"/>'),
    "trials": ("#D55E00", '<path d="M10 2 L18.5 17.5 H1.5 Z"/>'),
    "denunciations": ("#009E73", '<rect x="3" y="3" width="14" height="14"/>'),
    "confessions": ("#CC79A7", '<path d="M10 1.5 L18.5 10 L10 18.5 L1.5 10 Z"/>'),
    "seizures": (
        "#E69F00",
        '<path d="M10 1.5 L12.4 7.2 L18.5 7.6 L13.8 11.6 L15.3 17.6 L10 14.3 L4.7 17.6 '
        'L6.2 11.6 L1.5 7.6 L7.6 7.2 Z"/>',
    ),
    "campaign": ("#56B4E9", '<path d="M5.5 2.5 H14.5 L19 10 L14.5 17.5 H5.5 L1 10 Z"/>'),
}


@register.simple_tag
def action_symbol(action, size=20):
    """An inline SVG symbol for one kind of action (decorative: its label is beside it)."""
    colour, shape = SYMBOLS[action]
    return format_html(
        '<svg class="symbol" data-symbol="{}" width="{}" height="{}" viewBox="0 0 20 20" '
        'aria-hidden="true" focusable="false"><g fill="{}" stroke="#1d1b18" stroke-width="1.5">'
        "{}</g></svg>",
        action,
        size,
        size,
        colour,
        mark_safe(shape),
    )
