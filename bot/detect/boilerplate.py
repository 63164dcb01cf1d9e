"""Strip page furniture (appeals, newsletter boxes, sidebars, related links, captions, RSS tails).

Line based: whole lines that are furniture are dropped; sidebar blocks ("News Feed", "Read
also", "Новини за темою", "Другие новости", "Most read") are dropped with their headlines.
"""

from __future__ import annotations

import re

# Whole-line furniture (compared on the stripped line, case-insensitively).
_LINE = re.compile(
    r"^(?:support (?:the|us)\b[\w .'’-]{0,40}!?|become a member|gift membership"
    r"|become a member gift membership|skip to content|edit post|subscribe|subscribed"
    r"|successfull?y subscribed"
    r"|\* indicates required|please,? enter (?:a )?(?:correct|valid) email address"
    r"|enter your email(?: to subscribe)?|your email|ваш e-?mail|email|sign me up|sign up"
    r"|подписаться|підписатися|помочь редакции|підтримати|поддержать|once|monthly|annual"
    r"|continue|not ready to (?:support|give) today\??|remind me later\.?|paiment methods"
    r"|payment methods|visa mastercard americanexpress|share this:?|share|facebook|x|twitter"
    r"|telegram|whatsapp|linkedin|print|related|related articles|more news|show more"
    r"|editors'? picks|read more|news feed|article image|avatar|advertisement|реклама"
    r"|this audio is created with ai assistance|\d+ min read|preview|updates? with .{0,60}"
    r"|updated with .{0,60}|the eastern brief|get the friday letter|explaining ukraine.*"
    r"|джерело:.{0,80}|источник:.{0,80}|фото:.{0,200}|photo:.{0,200}"
    # tag lines and article-to-article navigation
    r"|(?:tags|topics|теги|теми|темы|мітки|метки|ключові слова|ключевые слова):.{0,300}"
    r"|(?:watch|video|відео|видео|дивіться|смотрите):.{0,160}[^.!?…]"
    r"|.{0,200}[—–-] (?:live updates|live|follow (?:our )?live updates|стежте за оновленнями"
    r"|онлайн|следите за обновлениями)"
    # polls, author bios, correction notices, tickers of several items
    r"|(?:poll|опитування|опрос|голосування|голосование):.{0,300}"
    r"|(?:about the author|про автора|об авторе)[:.].{0,400}"
    r"|(?:correction|виправлення|уточнення|исправление|поправка)[:.].{0,400}"
    r"|.{0,120}(?:an earlier version of this (?:article|story|report)"
    r"|у попередній версії (?:цього |"
    r"цієї )?(?:матеріалу|статті|новини)|в предыдущей версии (?:этого |этой )?(?:материала|статьи"
    r"|новости)).{0,300}"
    r"|.{0,200}[▸►▶|•·].{1,200}[▸►▶|•·].{0,300}"
    # a breadcrumb: "Головна » Новини » Деокупація", "News › War"
    r"|(?:[\w'’ .-]{1,30}\s*[»›]\s*){1,6}[\w'’ .-]{1,40}"
    r"|(?:previous|next) (?:article|story|post):.{0,200}|(?:попередня|наступна) (?:новина|стаття)"
    r":.{0,200}|(?:предыдущая|следующая) (?:новость|статья):.{0,200})$",
    re.IGNORECASE,
)
# Lines that carry an appeal, a newsletter box or a syndication note anywhere in them.
_APPEAL = re.compile(
    r"become a member|gift a membership|new members|paying members|paid for by readers"
    r"|readers like you|financial contribution|monthly contribution|support us|support "
    r"(?:the|our) (?:newsroom|journalism|work)|your support|help us (?:get|reach|fund|prepare"
    r"|keep|continue)|(?:weekly|daily|free|our|week's|today's|this|latest) newsletter|newsletter:"
    r"|subscribers agree|privacy policy|by subscribing|sign up for|in your inbox|one email every"
    r"|check your inbox|thank you for signing up|thanks for signing up|dear readers"
    r"|can we count on you|independent journalism .{0,40}(?:survives|depends)|is republished"
    r"|first published by|пожертвован|поддержите|підтримайте|підписуйтеся|подпишитесь"
    r"|подписывайтесь|підпишіться|підпишись|підписуйтесь|subscribe (?:now|today|to our|and)"
    r"|рассылк|розсилк|напишите нам|напишіть нам|анонимность гарантируем"
    r"|наш сайт заблокирован|материал подготовлен по публикации|тримається на читачах"
    r"|funded by (?:our )?readers|\d[\d,]* supporters|show us (?:your )?support"
    r"|we are the news team|feel free to contact us"
    # a cookie banner, whatever ticker shares its line
    r"|(?:we|this (?:site|website)) uses? cookies|cookie (?:policy|settings|preferences)"
    r"|agree to (?:the use of |our )?cookies|cookies used to|use of cookies"
    r"|accept (?:all )?cookies|використовуємо (?:файли )?cookie|используем (?:файлы )?cookie"
    r"|файли cookie|файлы cookie",
    re.IGNORECASE,
)
# A syndication note inside a story's paragraph ("This report was first published by …"): the
# note is furniture, the sentences beside it are the story.
_SYNDICATION = re.compile(
    r"first published by|originally published (?:by|in|on)|is republished|republished (?:with"
    r" permission|from)|материал подготовлен по публикации|вперше опубліковано",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def _without_syndication_note(line: str) -> str:
    """The line without its sentences that carry a syndication note."""
    sentences = _SENTENCE_END.split(line)
    if len(sentences) < 2:
        return line
    return " ".join(s for s in sentences if not _SYNDICATION.search(s))


_BYLINE = re.compile(
    r"^(?:by\s.{2,120}(?:desk|staff|correspondent|reporter|\d{4}\b.*)|.{0,120}·\s*\d+ min read)$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"\((?:[^()]{0,200}?)(?:Getty|Photo|photo|Reuters|\bAP\b|AFP|TASS|Illustrative|Фото|фото"
    r"|Shutterstock|EPA|Anadolu)[^()]{0,200}\)\s*$|\s/\s(?:AP|TASS|Reuters|AFP|EPA)\b"
)
_RSS_TAIL = re.compile(
    r"\s*(?:The post\b.{0,400}?\bappeared first on\b[^\n]{0,120}?"
    r"|(?:Запис|Публікація)\b.{0,400}?з'явил\w* спочатку на[^\n]{0,120}?"
    r"|(?:Запись|Сообщение|Публикация)\b.{0,400}?появил\w* сначала на[^\n]{0,120}?)"
    r"(?:\.|$)",
    re.IGNORECASE | re.DOTALL,
)
_BLOCK = re.compile(
    r"^(?:read also|read more|see also|related(?: stories| articles)?|читайте також"
    r"|читайте также|дивіться також|смотрите также|більше новин|больше новостей|також читайте"
    r"|также читайте)\s*:?\s*(.*)$",
    re.IGNORECASE,
)
# Related-links headers that are also ordinary words ("Главное", "По теме"): only a whole
# line, or the header and a colon, opens a block (a sentence may start with these words).
_RELATED = re.compile(
    r"^(?:новини за темою|новини на тему|по темі|на тему|інші новини|інші матеріали|читайте ще"
    r"|ще на тему|також на тему|популярне|найпопулярніше|найчитаніше|головне|рекомендуємо"
    r"|новости по теме|по теме|на эту тему|другие новости|другие материалы|читайте еще"
    r"|еще по теме|также по теме|популярное|самое читаемое|самое популярное|главное"
    r"|рекомендуем|читайте більше|читайте больше|вибір редакції|выбор редакции|свіжі новини"
    r"|свежие новости|most read|most popular|most viewed|most shared|popular now|trending now"
    r"|latest headlines|top headlines|headlines|editor'?s'? choice|related news|related posts"
    r"|related coverage"
    r"|related content|more on this topic|more on this story|more from\b.{0,40}|more stories"
    r"|top stories|trending|you may also like|you might also like|recommended|what to read next"
    r"|further reading|also read|in other news|other news"
    r"|you may also (?:be interested in|like)|you might (?:also )?(?:be interested in|like)"
    r"|don'?t miss|up next|recommended (?:for you|reading|stories)|similar (?:stories|articles"
    r"|news)|more (?:in|on|from) [\w ]{1,30}|top (?:news|stories)|read next|trending stories"
    r"|also on (?:our site|\w+)|latest (?:news|stories)|around the web|sponsored(?: stories"
    r"| content)?|partner (?:news|content)|from our partners"
    r"|вас (?:також )?може зацікавити|рекомендовані (?:матеріали|новини)|схожі (?:новини"
    r"|матеріали|статті)|актуально|топ новин|що ще (?:по)?читати|головні новини"
    r"|інші новини (?:розділу|рубрики|теми)|новини партнерів|стрічка новин|популярні новини"
    r"|вам (?:также )?может быть интересно|похожие (?:новости|материалы|статьи)|топ новостей"
    r"|что еще (?:по)?читать|главные новости|другие новости (?:рубрики|раздела|по теме)"
    r"|новости партнеров|лента новостей|рекомендуем (?:прочитать|почитать)|популярные новости"
    r"|останні новини|последние новости|новини дня|новости дня)"
    r"\s*(?::\s*(.*))?$",
    re.IGNORECASE,
)
# A comments section ("Коментарі (3)", "Комментарии", "12 comments") ends the article: what
# readers write below it is not the outlet's report.
_COMMENTS = re.compile(
    r"^(?:(?:reader )?comments|коментарі|коментарів|комментарии|комментариев|обговорення"
    r"|обсуждение|discussion|\d+ (?:comments?|коментар\w*|комментари\w*))\s*(?:\(\d+\))?:?$",
    re.IGNORECASE,
)
_SIDEBAR = re.compile(r"^(?:news feed|latest news|останні новини|последние новости)$", re.I)
_SIDEBAR_END = re.compile(r"^(?:more news|show more|editors'? picks|read more)$", re.I)
_TAIL = re.compile(r"^(?:a message from\b.{0,80}:?|dear readers,?)$", re.IGNORECASE)
_TAIL_END = re.compile(r"^remind me later\.?$", re.IGNORECASE)
_END_PUNCT = (".", "!", "?", "…", '"', "»", "”", ")", "]", ":", ";", "'")


# Cheap literal pre-checks so most article lines skip the long regexes.
_APPEAL_KEYS = (
    "member",
    "readers",
    "contribution",
    "support",
    "help us",
    "newsletter",
    "subscri",
    "privacy",
    "sign up",
    "inbox",
    "signing up",
    "count on you",
    "journalism",
    "publish",
    "пожертв",
    "поддерж",
    "підтрим",
    "підпис",
    "підпиш",
    "подпиш",
    "рассылк",
    "розсилк",
    "напиш",
    "анонимн",
    "заблокир",
    "материал",
    "тримається",
    "supporters",
    "news team",
    "feel free",
    "cookie",
)


def _is_furniture(line: str, appeal_keys: tuple[str, ...] = _APPEAL_KEYS) -> bool:
    """`appeal_keys`: the keys that occur anywhere in the article (the rest cannot be here)."""
    if len(line) < 320 and (_LINE.match(line) or _BYLINE.match(line)):
        return True
    if len(line) < 600 and appeal_keys:
        low = line.lower()
        if any(k in low for k in appeal_keys) and _APPEAL.search(line):
            return True
    return len(line) < 400 and ("(" in line or " / " in line) and bool(_CAPTION.search(line))


def _drop_sidebar(lines: list[str], i: int) -> int:
    """Index after a "News Feed" style block starting at lines[i]."""
    nonblank = [j for j in range(i + 1, min(len(lines), i + 40)) if lines[j]][:8]
    for j in nonblank:
        if _SIDEBAR_END.match(lines[j]):
            return j + 1
    if not nonblank:
        return i + 1
    j = nonblank[0]
    if re.match(r"^\d{1,2}:\d{2}\s*(?:[AP]M)?$", lines[j], re.I) and len(nonblank) > 1:
        j = nonblank[1]
    while j < len(lines) and lines[j]:
        j += 1
    return j


def strip_boilerplate(text: str) -> str:
    """Return the article text without page furniture; paragraphs keep their line breaks."""
    if "appeared first" in text or "спочатку на" in text or "сначала на" in text:
        text = _RSS_TAIL.sub("", text)
    lines = [ln.strip() for ln in text.replace("\r", "").split("\n")]
    low = text.lower()
    appeal_keys = tuple(k for k in _APPEAL_KEYS if k in low)  # once, not once per line
    # every note has "publ"/"публ", whose letters fold only to their capitals: a cheap gate
    has_note = ("publ" in low or "публ" in low) and _SYNDICATION.search(text) is not None
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line:
            kept.append("")
            i += 1
            continue
        if _SIDEBAR.match(line):
            i = _drop_sidebar(lines, i)
            continue
        if len(line) < 40 and _COMMENTS.match(line):
            break
        block = _RELATED.match(line) or _BLOCK.match(line)
        if block:
            i += 1
            if not block.group(1):  # a list of headlines follows, up to the next blank line
                while i < len(lines) and lines[i] and len(lines[i]) < 250:
                    i += 1
                # or headlines a blank line apart ("MOST READ", "", "1. …", "", "2. …"): up
                # to the first line that ends as a sentence does
                j = i
                while j < len(lines) and not lines[j]:
                    j += 1
                if j > i and j < len(lines) and _is_headline(lines[j]):
                    while j < len(lines) and (not lines[j] or _is_headline(lines[j])):
                        j += 1
                    i = j
            continue
        if _TAIL.match(line):
            j = i + 1
            while j < len(lines) and not _TAIL_END.match(lines[j]) and j - i < 40:
                j += 1
            i = j + 1
            continue
        if has_note and _SYNDICATION.search(line):
            line = _without_syndication_note(line)
        if not line or _is_furniture(line, appeal_keys):
            i += 1
            continue
        kept.append(line)
        i += 1
    return "\n".join(_drop_teasers(_drop_headline_lists(kept))).strip()


# A run of bulleted or numbered headlines ("• Hryvnia steady at 41.8", "2. SBU identifies
# ...", "— Синоптики: похолодає"): short lines without a closing stop, two or more in a row.
_BULLET = re.compile(r"^(?:[•·▪►▸*–—-]|\d{1,2}[.)]|\d{1,2}:\d{2})\s+\S")


# A TV or radio listing entry with its blurb ("21:15 «Title» — a documentary about ..."): the
# page's own content, not a list of links, though it is short and has no closing stop.
_SCHEDULE = re.compile(r"^\d{1,2}[:.]\d{2}\s+[«\"“„].{1,80}?[»\"”]\s*[—–-]\s+\w")


# An item that ends in ";" or "," is a clause of the page's own list ("• загиблі — троє
# бійців…;"), never a headline.
_CLAUSE_END = (*_END_PUNCT[:4], ";", ",")


def _is_headline_item(line: str) -> bool:
    return (
        len(line) < 180
        and bool(_BULLET.match(line))
        and not line.endswith(_CLAUSE_END)
        and not _SCHEDULE.match(line)
    )


def _is_headline(line: str) -> bool:
    """A short line without a closing stop: a headline, a header, a subhead."""
    return 0 < len(line) < 180 and not line.endswith(_CLAUSE_END) and not _SCHEDULE.match(line)


def _drop_headline_lists(lines: list[str]) -> list[str]:
    """Drop two or more bulleted headlines in a row, and any three unpunctuated short lines in
    a row (a header and its headlines: "Топ новин", "Also on our site", "Еще новости"...)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _is_headline_item(lines[j]):
            j += 1
        if j - i < 2:
            j = i
            while j < len(lines) and _is_headline(lines[j]):
                j += 1
            if j - i < 3:
                j = i
        if j > i:
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


# A post's paragraph may end with emoji after its stop ("… Обоим. 🤬"): they do not cut it off.
_TRAILING_SYMBOLS = re.compile(r"[\s\u200d\ufe0f\U0001F000-\U0001FAFF\u2600-\u27BF]+$")


def _drop_teasers(lines: list[str]) -> list[str]:
    """Drop teaser pairs: a headline line followed by a cut-off blurb ("…" or no final stop)."""
    out: list[str] = []
    for line in lines:
        prev = next((p for p in reversed(out) if p), "")
        end = _TRAILING_SYMBOLS.sub("", line) if line[-1:] > "\u2000" else line
        is_cut = len(line) > 150 and (end.endswith(("…", "...")) or not end.endswith(_END_PUNCT))
        if is_cut and prev and len(prev) < 160 and not prev.endswith(_END_PUNCT):
            while out and not out[-1]:
                out.pop()
            if out:
                out.pop()
            continue
        out.append(line)
    return out
