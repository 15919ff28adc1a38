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


def test_one_test_for_chinese_text():
    from history.core.language_parts import is_chinese

    assert is_chinese("罗瑞卿") and is_chinese("Luo 罗")
    assert not is_chinese("Luo Ruiqing") and not is_chinese("《》，")
