from history.core.language_parts import mark_chinese


def test_chinese_runs_in_text_are_marked_and_tags_are_left_alone():
    html = '<p title="关内">The Chinese says 东北通化市, “Tonghua”; and 关内其他地区。</p>'
    assert str(mark_chinese(html)) == (
        '<p title="关内">The Chinese says <span lang="zh-Hans">东北通化市</span>, “Tonghua”; '
        'and <span lang="zh-Hans">关内其他地区</span>。</p>'
    )


def test_punctuation_between_characters_stays_in_the_run():
    assert (
        str(mark_chinese("x 不用登报、广播 y")) == 'x <span lang="zh-Hans">不用登报、广播</span> y'
    )
