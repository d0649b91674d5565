//! The subject phrase written after a cue (`وقال وزير الخارجية أيمن الصفدي …`): where it
//! ends, and the objects, manner adverbs and workplaces that are no part of it.

use super::roles::{
    ends_subject, is_construct_title, is_form_two_masdar, is_manner_adverb, is_morning_name,
    is_nisba, is_prepositional_word, is_role_head, is_role_word, is_same, is_title, split_role,
    starts_name, strip_lam, COMPOUND_SECOND, DEFINITE_FIRST_NAMES, NAME_PARTICLES,
};
use crate::text::quotes::lexicon::{
    complementisers, given_name, institutions, is_common_word, name_context, skip_before_subject,
    CueKind, GivenName,
};
use crate::text::quotes::words::Token;
use crate::text::quotes::words::{has_article, strip_article};
use std::ops::Range;

/// The longest subject phrase accepted (in words); longer runs are clauses, not names. (Two
/// offices, an honorific and a name of four words make twelve: `نائب رئيس مجلس الوزراء وزير
/// المالية الكويتى الشيخ سالم عبد العزيز الصباح`; at 12 the name was cut after `عبد`. At 20,
/// 8 more speakers right on batches 123–160 and none lost.)
pub(super) const MAX_SUBJECT_WORDS: usize = 20;

/// True when the last word of a subject phrase is a transitive verb's object: a definite word
/// after a definite surname (`لخص الطبيب عبد الرحمن الحداد الوضع`), unless the surname is the
/// second half of a compound name (`عبد الفتاح السيسي`) or the word reads as a family name
/// (`أعلن مشعل الأحمد الصباح`: no common word of news prose, body or title, after a given
/// name and a definite surname).
pub(super) fn ends_with_object(np: &[Token]) -> bool {
    ends_with_definite_pair(np).is_some_and(|(head, last)| {
        !(given_name(&head.norm).is_some() && may_be_family_name(&last.norm))
    })
}

/// True for a definite word that may be a family name after a given name and a surname: no
/// common word of news prose, body or title (`الصباح`, `الجابر`; not `الوضع`, `المجلس`).
fn may_be_family_name(norm: &str) -> bool {
    !is_common_word(norm) && !super::is_body_word(norm) && !is_title(norm)
}

/// The first name word and the last word of a name ending in two definite words that are no
/// compound name (see [`ends_with_object`]).
fn ends_with_definite_pair(np: &[Token]) -> Option<(&Token, &Token)> {
    let (_, name) = split_role(np);
    let [.., head, before, last] = name else {
        return None;
    };
    // (`خالد الجار الله`: a definite word before `الله` is a compound family name.)
    let compound = COMPOUND_SECOND.contains(&before.norm.as_str())
        || last.norm == "الله"
        || matches!(
            head.norm.as_str(),
            "عبد" | "ابو" | "ابي" | "بن" | "ابن" | "بنت" | "ام"
        );
    (has_article(&last.norm) && has_article(&before.norm) && !compound).then_some((head, last))
}

/// Reporting verbs that take a direct object (`لخص الوضع`, `ختم حديثه`).
pub(super) fn transitive(cue: &Token) -> bool {
    crate::text::quotes::words::lookup_forms(&cue.norm).any(|f| {
        matches!(
            f,
            "لخص"
                | "لخصت"
                | "ختم"
                | "ختمت"
                | "اختتم"
                | "اختتمت"
                | "كشف"
                | "كشفت"
                | "اعلن"
                | "اعلنت"
                | "روى"
                | "روت"
                | "وصف"
                | "وصفت"
                | "اتهم"
                | "اتهمت"
                | "انتقد"
                | "انتقدت"
                | "ادان"
                | "ادانت"
                | "هاجم"
                | "هاجمت"
                | "دعا"
                | "دعت"
                | "يدعو"
                | "تدعو"
                | "طالب"
                | "طالبت"
                | "يطالب"
                | "تطالب"
                | "ناشد"
                | "ناشدت"
                | "حث"
                | "حثت"
        )
    })
}

/// True for a token that opens the reported statement right after a subject: a bare
/// complementiser (`إن`, `أن`, `بأن`) or a colon.
fn opens_complement(t: &Token) -> bool {
    t.punct() == Some(':') || (t.is_word() && complementisers().contains(&t.norm))
}

/// True for a colon or comma, or a complementiser: what follows a subject phrase, not its
/// object.
fn closes_phrase(t: &Token) -> bool {
    opens_complement(t) || t.punct() == Some('،')
}

/// A person's full name in quote marks at `tokens[open]`, right after a role
/// (`الأمير “عبد العزيز بن سلمان بن عبد العزيز”`): two to seven words, the first a given
/// name the gazetteer knows, none a title or a body's word.
fn quoted_name_after_role(tokens: &[Token], open: usize) -> Option<Range<usize>> {
    use crate::text::quotes::words::TokKind;
    if tokens.get(open)?.kind != TokKind::Mark {
        return None;
    }
    let words = tokens[open + 1..]
        .iter()
        .take_while(|t| t.is_word() && t.in_quote)
        .count();
    let close = open + 1 + words;
    if !(2..=7).contains(&words) || tokens.get(close)?.kind != TokKind::Mark {
        return None;
    }
    let name = &tokens[open + 1..close];
    let plain = name
        .iter()
        .all(|t| !is_title(&t.norm) && !super::is_body_word(&t.norm) && !t.tanwin);
    use crate::text::quotes::lexicon::{given_name, GivenName};
    // (`هند جديدة`, `بيت الوسط`: a given name that is a word too needs three words.)
    let given = match given_name(&name[0].norm) {
        Some(GivenName::Sure) => true,
        Some(GivenName::AlsoWord) => words >= 3,
        None => given_name(&format!("{} {}", name[0].norm, name[1].norm)).is_some(),
    };
    // The sentence goes on after the name (`”، أنه`, `” إن`); a statement in marks ends it.
    let goes_on = tokens.get(close + 1).is_some_and(|t| {
        matches!(t.punct(), Some('،' | ',')) || (t.is_word() && complementisers().contains(&t.norm))
    });
    let no_particles = name.iter().all(|t| !complementisers().contains(&t.norm));
    (plain && given && goes_on && no_particles).then_some(open + 1..close)
}

/// The subject phrase right after the cue at `tokens[cue]`, as a token range.
pub(crate) fn subject_after(tokens: &[Token], cue: usize, kind: CueKind) -> Option<Range<usize>> {
    let mut i = cue + 1;
    // `الذي قال عنه النقاد`: the subject follows the antecedent's pronoun.
    if relative_about_antecedent(tokens, cue) {
        i += 1;
    }
    // Time words, manner adverbs (`وأضاف مبتسما`) and the audience (`وقالت للحضور`) come
    // before the subject; for "according to" forms a `لل…` word is the source itself.
    while tokens.get(i).is_some_and(|t| {
        t.is_word()
            && (skip_before_subject().contains(&t.norm)
                || is_manner_adverb(&t.norm)
                || (kind != CueKind::According && t.norm.starts_with("لل") && has_article(&t.norm)))
    }) {
        i += 1;
    }
    if kind == CueKind::According && tokens.get(i).is_some_and(|t| t.norm == "ل") {
        i += 1;
    }
    // `بحسب ما قالت رئيستها X`, `حسبما ذكر X`: the verb of the "according to" clause, then
    // its subject.
    if kind == CueKind::According {
        if tokens.get(i).is_some_and(|t| t.norm == "ما") {
            i += 1;
        }
        // `وحسب رواية زوجة المجني عليه`: the account of someone.
        if tokens
            .get(i)
            .is_some_and(|t| matches!(t.norm.as_str(), "روايه" | "تعبير" | "قول"))
        {
            i += 1;
        }
        if tokens
            .get(i)
            .is_some_and(|t| crate::text::quotes::cues::cue_kind(&t.norm) == Some(CueKind::Verb))
        {
            i += 1;
        }
    }
    // `وأضاف مخاطبا النواب`, `وقال متمنيا عاجل الشفاء`: what follows a participle of manner
    // is its object; the subject was written before it or not at all.
    if tokens[cue + 1..i]
        .iter()
        .any(|t| is_manner_adverb(&t.norm) && t.norm.starts_with('م'))
        && tokens.get(i).is_some_and(|t| t.is_word())
    {
        return None;
    }
    let mut start = i;
    // `الشيخ صباح الخالد`: after a title, `صباح` is a first name, not the morning.
    let morning_name = |k: usize| k > start && is_morning_name(tokens, k);
    // `عباس شكر إن`: a reporting verb's form right after a given name and before the
    // complement is a surname.
    let surname_cue = |k: usize| {
        k > start
            && tokens[k].is_word()
            && !tokens[k].in_quote
            && !has_article(&tokens[k].norm)
            && !tokens[k].norm.starts_with('و')
            && crate::text::quotes::cues::cue_kind(&tokens[k].norm).is_some()
            && crate::text::quotes::lexicon::given_name(&tokens[k - 1].norm).is_some()
            && tokens.get(k + 1).is_some_and(opens_complement)
    };
    // `صلاح حسب الله`: a word before `الله` after a name word is half of a compound family
    // name, even a word that ends subjects (`حسب`, "according to").
    let before_allah = |k: usize| {
        k > start
            && tokens[k].is_word()
            && !tokens[k].in_quote
            && tokens[k].norm.chars().count() >= 3
            && tokens[k - 1].is_word()
            && !opens_complement(&tokens[k])
            && tokens
                .get(k + 1)
                .is_some_and(|n| n.norm == "الله" && !n.in_quote)
    };
    // `النقابة الوطنية للصحفيين التونسيين`: an audience word with a plural nisba after it,
    // after an association's name of two words or more opening the phrase or its role, is
    // its genitive (not after a ministry's, `وقالت الوزارة للصحفيين المصريين`, nor a
    // one-word body's, `وقال رئيس المركز للصحفيين المصريين`).
    let association = |t: &Token| {
        super::body_head(&t.norm).is_some_and(|h| {
            matches!(
                h.as_str(),
                "نقابه"
                    | "اتحاد"
                    | "جمعيه"
                    | "رابطه"
                    | "هيئه"
                    | "منظمه"
                    | "مركز"
                    | "لجنه"
            )
        })
    };
    // (Or right after the role's head: `نقيب النقابة الوطنية للصحفيين التونسيين`.)
    let opens_with_association = |k: usize| {
        (association(&tokens[start]) && k >= start + 2)
            || (is_title(&tokens[start].norm)
                && tokens.get(start + 1).is_some_and(association)
                && k >= start + 3)
    };
    let body_genitive = |k: usize| {
        tokens[k].norm.starts_with("لل")
            && tokens
                .get(k + 1)
                .is_some_and(|n| n.is_word() && super::roles::is_plural_nisba(&n.norm))
            && opens_with_association(k)
    };
    while i < tokens.len()
        && (!ends_subject(&tokens[i])
            || morning_name(i)
            || surname_cue(i)
            || before_allah(i)
            || body_genitive(i)
            || crate::text::quotes::cues::first_name_not_cue(tokens, i))
    {
        // `نفى حسين وجود أي وحدات`: a verbal noun after a name opens the object; so does a
        // possessed noun (`سميرة عبد العزيز حديثها`).
        let possessed = super::roles::possessed_by_them(&tokens[i].norm);
        // (A word of that shape before a role in apposition is a surname: `هانا تيتيه
        // الممثلة`; after a body's word it goes on with the body: `لجان مقاومة`.)
        let verbal_noun = super::looks_like_verbal_noun(&tokens[i].norm)
            && !tokens
                .get(i + 1)
                .is_some_and(|n| n.is_word() && has_article(&n.norm) && is_title(&n.norm))
            && !super::is_body_word(&tokens[i - 1].norm)
            // (`برنامج الغذاء العالمي`: a programme of the United Nations.)
            && tokens[i - 1].norm != "برنامج"
            && !is_role_word(&tokens[i - 1].norm)
            // (`قالت تيس إنجرام:`: closing the phrase, a word the name model reads as a
            // name's is a surname; an object goes on with more words.)
            && !(tokens.get(i + 1).is_some_and(closes_phrase)
                && !is_common_word(&tokens[i].norm)
                && crate::text::quotes::name_shape::name_probability(&tokens[i].norm) >= 0.5);
        // `دعا الرئيس حسن شيخ محمود الصوماليين إلى`: a plural nisba after a name is the
        // people addressed (not after a role: `رئيس اتحاد الصحفيين الفلسطينيين`).
        let plural_nisba = super::roles::is_plural_nisba(&tokens[i].norm)
            && !is_role_word(&tokens[i - 1].norm)
            && !super::is_body_word(&tokens[i - 1].norm);
        if i > start
            && (super::VERBAL_NOUNS.contains(&tokens[i].norm.as_str())
                || verbal_noun
                || possessed
                || plural_nisba)
        {
            break;
        }
        // `جورجيفا لبلومبرج`: `لـ` and a noun after a name word (not inside a role:
        // `الأمين العام لجامعة الدول العربية`).
        if i > start
            && !is_role_word(&tokens[i - 1].norm)
            && !crate::text::quotes::cues::STATEMENT_NOUNS.contains(&tokens[i - 1].norm.as_str())
            && tokens[i].norm.starts_with('ل')
            // (`فون دير لاين`: a short word may end a foreign name.)
            && tokens[i].norm.chars().count() >= 5
            && is_prepositional_word(&tokens[i].norm)
        {
            break;
        }
        // `وقال القدرة للأناضول`: after a lone surname (no title, body or statement) `لـ` and a
        // definite word are the audience.
        if i == start + 1
            && tokens[i].norm.starts_with("لل")
            && tokens[i].norm.chars().count() >= 5
            && !is_title(&tokens[start].norm)
            && !super::is_body_word(&tokens[start].norm)
            && !crate::text::quotes::cues::STATEMENT_NOUNS.contains(&tokens[start].norm.as_str())
        {
            break;
        }
        // A pronoun-suffixed noun closing the subject is the verb's object (`جدد X دعوته إلى`);
        // one followed by more name words is a name (`خوسيه مانويل ألباريس`).
        // A name ending in `ـه` (`أليو سيسيه`) is followed by the complement or a colon.
        // `هانا تيتيه الممثلة الخاصة`: a role in apposition after it shows a surname.
        let role_after = tokens
            .get(i + 1)
            .is_some_and(|n| !ends_subject(n) && has_article(&n.norm) && is_title(&n.norm));
        let closes = tokens
            .get(i + 1)
            .is_none_or(|n| ends_subject(n) || has_article(&n.norm))
            && !role_after
            && !tokens.get(i + 1).is_some_and(opens_complement);
        if i > start && tokens[i].suffixed && closes && !is_same(&tokens[i].norm) {
            break;
        }
        // `ويضيف أبو عودة بصوت متعب`: a `بـ` phrase of manner after a name word (it goes on
        // with another word; a surname such as `بدران` closes the phrase).
        // (`مدير مستشفى بعلبك الحكومي`: a place's name after the noun of a workplace.)
        // (`علي بهادري جهرمي`: a word in `ي` is a family name, no `بـ` phrase.)
        let manner = i > start
            && tokens[i].norm.starts_with('ب')
            && !tokens[i].norm.ends_with('ي')
            && !NAME_PARTICLES.contains(&tokens[i].norm.as_str())
            && !is_role_word(&tokens[i - 1].norm)
            && !super::roles::CONSTRUCT_NOUNS.contains(&tokens[i - 1].norm.as_str())
            && tokens.get(i + 1).is_some_and(|n| !ends_subject(n));
        // `قال دانييلي روفينيتي الخبير في …`, `محمد أبو مغيصب المسؤول بالمستشفى`: a definite
        // title after a name of two words or more, before a preposition, opens an apposition
        // (not after a role, `قائد الجيش الفريق أول …`; a title may be a surname too, `أحمد
        // حمدي السيد وزير الثقافة`, `محمد ولد الشيخ الغزواني`).
        let preposition = |n: &Token| {
            matches!(n.norm.as_str(), "في" | "فى" | "لدى" | "عن")
                || (n.norm.starts_with(['ب', 'ل']) && is_prepositional_word(&n.norm))
                || n.norm.starts_with("بال")
                || n.norm.starts_with("لل")
        };
        if i > start + 1
            && has_article(&tokens[i].norm)
            && is_title(&tokens[i].norm)
            && !NAME_PARTICLES.contains(&tokens[i - 1].norm.as_str())
            && tokens.get(i + 1).is_some_and(preposition)
            && split_role(&tokens[start..i]).1.len() >= 2
        {
            break;
        }
        // `وعين شريف سامي رئيسا`, `وقال غالغت البالغ من العمر`: a title in the accusative
        // or the age after a name.
        if i > start && super::roles::describes_the_named(&tokens[i].norm) {
            break;
        }
        // `دعت منظمة العفو الدولية الشرطة إلى`: another body's noun after a body's name.
        if i > start + 1
            && super::another_body_after(&tokens[i - 1].norm, &tokens[i].norm)
            && tokens[start..i]
                .iter()
                .any(|t| super::is_body_word(&t.norm))
        {
            break;
        }
        // `وقال جبالي مداعبا النائب`: a participle of manner after the name.
        // `وقال السلامي ردًا على`: no name word is written with tanwin.
        if manner || (i > start && (is_manner_adverb(&tokens[i].norm) || tokens[i].tanwin)) {
            break;
        }
        i += 1;
        if i - start > MAX_SUBJECT_WORDS {
            return None;
        }
    }
    // `النائب عن «حزب الله» حسن فضل الله`, `المحللة في شركة "IDC" سارة لين`: a role, a
    // preposition and a quoted group, then the name.
    // (Also `عضو تكتل "…" النائب X`: a title whose genitive reads as a name.)
    let before_mark = tokens
        .get(i)
        .is_some_and(|t| t.kind == crate::text::quotes::words::TokKind::Mark)
        && is_title(&tokens[start].norm);
    if i > start && (split_role(&tokens[start..i]).1.is_empty() || before_mark) {
        if let Some(name) = after_quoted_group(tokens, i).or_else(|| after_workplace(tokens, i)) {
            start = name.start;
            i = name.end;
        } else if let Some(name) = quoted_name_after_role(tokens, i) {
            // `وزير الطاقة السعودي الأمير “عبد العزيز بن سلمان”`: the name in marks.
            return Some(name);
        }
    }
    // `المتحدث باسم حركة المقاومة الإسلامية (حماس) حازم قاسم`: a body's short name in
    // brackets after a role, then the name of its holder opening with a given name.
    if i > start
        && split_role(&tokens[start..i]).1.is_empty()
        && tokens.get(i).and_then(Token::punct) == Some('(')
    {
        if let Some(name) = after_brackets(tokens, i) {
            start = name.start;
            i = name.end;
        }
    }
    // `وقال دفاع المتهم، المحامي خالد علي، إن …`: a named apposition after an unnamed subject.
    if i > start && tokens.get(i).and_then(Token::punct) == Some('،') {
        let (_, first_name) = split_role(&tokens[start..i]);
        {
            let a = i + 1;
            let mut b = a;
            while b < tokens.len() && b - a < MAX_SUBJECT_WORDS && !ends_subject(&tokens[b]) {
                b += 1;
            }
            let (role, name) = split_role(&tokens[a..b]);
            // (`قال عميد السلك، القنصل جوزف حبيس: "…"`: a colon closes it too.)
            let closed = matches!(tokens.get(b).and_then(Token::punct), Some('،' | ':'));
            let titled = role.iter().any(|t| is_title(&t.norm));
            // `وقال محامي الأسرة، ناصر أمين، …`: a role, then the full name of its holder.
            let unnamed = first_name.is_empty() && (!role.is_empty() || name.len() >= 2);
            if closed && !name.is_empty() && (titled || unnamed) {
                start = a;
                i = b;
            }
        }
    }
    // `ونفى المعايطة وجود أي نية`: after a definite surname opening the phrase, an undefined
    // word that is no role starts the object (a name follows a title, not a surname).
    if i - start >= 2 {
        let (first, next) = (&tokens[start], &tokens[start + 1]);
        if has_article(&first.norm)
            && !is_role_head(&first.norm)
            && !has_article(&next.norm)
            && !is_role_word(&next.norm)
            && !NAME_PARTICLES.contains(&next.norm.as_str())
        {
            i = start + 1;
        }
    }
    // `وجهت هيا الشعيبي رسالة`, `وقال السلامي ردًا على`: after a definite surname inside the
    // name, an undefined word that is no particle or role starts the object or an adverb.
    i = start + cut_after_surname(&tokens[start..i]);
    // `أكد رجب طيب أردوغان إصرار بلاده`, `انتقد نتنياهو إدارة الرئيس`: a noun of prose
    // closing the name in the construct state before a word of prose of its own (with a
    // pronoun or the article) opens the object.
    if i < tokens.len()
        && split_role(&tokens[start..i]).1.len() >= 2
        && construct_before(&tokens[i - 1], &tokens[i])
    {
        i -= 1;
    }
    // `رحب بايدن بزيلينسكي`: a verb whose object takes `بـ` ends its subject at the first
    // word in `بـ` after the subject's first word.
    if takes_object_with_bi(&tokens[cue].norm) {
        if let Some(k) = (start + 1..i)
            .find(|&k| tokens[k].norm.starts_with('ب') && is_prepositional_word(&tokens[k].norm))
        {
            i = k;
        }
    }
    let mut end = i;
    let object_taking = transitive(&tokens[cue])
        || kind == CueKind::Stance
        || (kind == CueKind::Describe && tokens.get(i).is_some_and(|t| t.is_word()));
    if object_taking {
        end = start + trim_construct_object(&tokens[start..end]);
    }
    let trimmed = end < i;
    // (A describing verb has its object there: `وصف النائب أيمن البدادوة المجلس بـ…`.)
    let object_last = if kind == CueKind::Describe {
        ends_with_definite_pair(&tokens[start..end]).is_some()
    } else {
        ends_with_object(&tokens[start..end])
    };
    if transitive(&tokens[cue]) && object_last {
        end -= 1;
    }
    // `وصف X الخطة بأنها …`: the describing verb's object comes between subject and `بأنها`.
    // A nisba adjective (`المحلية`, `الروسي`) belongs to the subject.
    let before_phrase = tokens.get(i).is_some_and(|t| t.is_word());
    let last = &tokens[end.max(1) - 1].norm;
    let nisba = last.ends_with('ي') || last.ends_with("يه");
    // Stance verbs take an object too (`رفضت النيابة العامة التعليق`).
    let takes_object = (kind == CueKind::Describe && before_phrase) || kind == CueKind::Stance;
    // `اتهم المتحدث باسم الخارجية الإسرائيلية الأمم المتحدة بـ…`: after a nisba adjective a
    // definite noun starts the object, however many words it has.
    if takes_object || transitive(&tokens[cue]) {
        if let Some(k) = (start + 1..end).find(|&k| {
            is_nisba(&tokens[k - 1].norm)
                && has_article(&tokens[k - 1].norm)
                && has_article(&tokens[k].norm)
                // (A `لـ` genitive goes on with the body: `النقابة الوطنية للتعليم العالي`.)
                && !tokens[k].norm.starts_with("لل")
                && !is_nisba(&tokens[k].norm)
                && !is_body_adjective(&tokens[k].norm)
        }) {
            return Some(start..k);
        }
    }
    // `أعلنت وزارة الصحة العراقية تسجيل …`: a verbal noun of the form تفعيل closing the
    // phrase after a definite word is the transitive verb's object.
    let object_noun = end - start >= 2
        && is_form_two_masdar(&tokens[end - 1].norm)
        && has_article(&tokens[end - 2].norm);
    if object_noun && (takes_object || transitive(&tokens[cue])) {
        end -= 1;
    }
    let compound = COMPOUND_SECOND.contains(&last.as_str());
    // (Not the genitive a construct title needs: `تحدث رئيس الاتحاد عن`.)
    let genitive = end - start == 2 && is_construct_title(&tokens[start]);
    // `أعلن مشعل الأحمد الصباح، …`: a definite word that is no common word of news prose
    // after a given name and a definite surname is a family name.
    let family = end - start >= 3
        && kind != CueKind::Describe
        && may_be_family_name(last)
        && has_article(&tokens[end - 2].norm)
        && given_name(&tokens[end - 3].norm).is_some();
    if takes_object
        && !trimmed
        && !family
        && end - start >= 2
        && has_article(last)
        && !nisba
        && !compound
        && !genitive
    {
        end -= 1;
    }
    // `وصف ياسر عرمان الأزمة السودانية بأنها`: a definite noun and its nisba after an
    // undefined surname are the described object.
    if takes_object
        && !trimmed
        && end - start >= 4
        && is_nisba(&tokens[end - 1].norm)
        && has_article(&tokens[end - 1].norm)
        && has_article(&tokens[end - 2].norm)
        && !is_nisba(&tokens[end - 2].norm)
        && !has_article(&tokens[end - 3].norm)
        && !is_role_word(&tokens[end - 3].norm)
    {
        end -= 2;
    }
    // `ووصفت الوزارة الخطوة`, `تصف وزارة الداخلية المتظاهرين`: after a body's short form or
    // its head and genitive, a definite word that is no nisba adjective is the object.
    if object_taking || takes_object {
        end = start + body_without_object(&tokens[start..end]);
    }
    end = start + without_tail(&tokens[start..end]);
    (end > start).then_some(start..end)
}

/// The length of a subject phrase without words no person's name ends with, once the name
/// has two words: an undefined title opening an apposition (`مرتضى منصور رئيس نادي …`), a
/// `لـ`/`بـ` phrase (`محمد محيي لشبكة …`), a lineage particle left without its name.
fn without_tail(np: &[Token]) -> usize {
    let (role, name) = split_role(np);
    let person = name
        .first()
        .is_some_and(|t| given_name(&t.norm) == Some(GivenName::Sure));
    if !person {
        return np.len();
    }
    let mut end = np.len();
    while end > role.len() + 2 {
        let t = &np[end - 1];
        let w = t.norm.as_str();
        let dangling = matches!(
            w,
            "بن" | "ابن" | "بنت" | "ولد" | "ال" | "آل" | "ابو" | "عبد"
        );
        let title = !has_article(w) && is_title(w) && given_name(w).is_none();
        let prepositional =
            !NAME_PARTICLES.contains(&w) && super::roles::is_prose_after_preposition(w);
        if dangling || title || prepositional {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

/// True for a definite adjective a body's name takes besides nisbas (`مديرية الأمن العام`,
/// `اللجنة العليا`, `الحكومة الليبية المؤقتة`), also a feminine participle of the derived forms
/// (`المستقلة`, `المتحدة`): no object after the name.
fn is_body_adjective(w: &str) -> bool {
    let participle = (w.starts_with("المست") || w.starts_with("المت")) && w.ends_with('ه');
    participle
        || matches!(
            w,
            "العام"
                | "العامه"
                | "العليا"
                | "الاعلي"
                | "الكبري"
                | "المتحده"
                | "المستقله"
                | "الموحده"
                | "الخاصه"
                | "الدائمه"
                | "المشتركه"
                | "الجديد"
                | "الجديده"
                | "المؤقت"
                | "المؤقته"
                | "الحر"
                | "الحره"
                | "الكبير"
                | "الكبيره"
                | "الاحمر"
                | "السابق"
                | "السابقه"
                | "المنتخب"
                | "المنتخبه"
        )
}

/// The length of a body's name without a definite object after it: `الوزارة` + a definite
/// noun, or `وزارة الداخلية` + a definite noun; nisba adjectives go on with the name.
pub(super) fn body_without_object(np: &[Token]) -> usize {
    let Some(head) = np.first() else {
        return 0;
    };
    if !crate::text::quotes::speakers::is_body_word(&head.norm) {
        return np.len();
    }
    let object_at = |k: usize| {
        np.get(k).is_some_and(|t| {
            has_article(&t.norm)
                && !is_nisba(&t.norm)
                && !is_title(&t.norm)
                && !is_body_adjective(&t.norm)
        })
    };
    // The genitive chain ends at its first definite word (`حركة مجتمع السلم`); after it only
    // adjectives go on with the name, and a definite noun is the object (`السلطات`).
    let Some(closed) = np.iter().position(|t| has_article(&t.norm)) else {
        return np.len();
    };
    let mut k = closed + 1;
    while k < np.len() {
        // `وزارة الداخلية بحكومة الوحدة الوطنية`: the government a body belongs to opens a
        // genitive chain of its own.
        let parent = government_opening(np, k);
        if parent > 0 {
            k += parent;
            while k < np.len() && !has_article(&np[k].norm) {
                k += 1;
            }
            k += 1;
            continue;
        }
        if !np[k].norm.starts_with("ال") {
            // `أعلنت الحكومة الأردنية حالة الطوارئ`: after the name's adjective, an undefined
            // noun with a definite genitive is the object (a `لـ`/`بـ` genitive, a title or
            // a body's word goes on with the name).
            let construct_object = k > closed
                && is_nisba(&np[k - 1].norm)
                && !np[k].norm.starts_with(['ل', 'ب', 'و', 'ف'])
                && !is_title(&np[k].norm)
                && !crate::text::quotes::speakers::is_body_word(&np[k].norm)
                && np.get(k + 1).is_some_and(|t| has_article(&t.norm));
            if construct_object {
                return k;
            }
            break;
        }
        if object_at(k) {
            return k;
        }
        k += 1;
    }
    np.len()
}

/// The number of words opening, at `toks[k]`, the government or ministry a body belongs to:
/// 1 for `بحكومة`, `بوزارة`; 2 for `في حكومة`, `في وزارة`; else 0.
pub(super) fn government_opening(toks: &[Token], k: usize) -> usize {
    match toks.get(k).map(|t| t.norm.as_str()) {
        Some("بحكومه" | "بوزاره") => 1,
        Some("في")
            if toks
                .get(k + 1)
                .is_some_and(|t| matches!(t.norm.as_str(), "حكومه" | "وزاره")) =>
        {
            2
        }
        _ => 0,
    }
}

/// True for a verb whose object takes `بـ` (`رحب`, `اجتمع`, `أشاد`, `ندد`), also with `و`/`ف`
/// and in the feminine.
pub(super) fn takes_object_with_bi(norm: &str) -> bool {
    let bare = norm.strip_prefix(['و', 'ف']).unwrap_or(norm);
    let bare = bare.strip_suffix('ت').unwrap_or(bare);
    matches!(
        bare,
        "رحب" | "اجتمع" | "التقي" | "اتصل" | "اشاد" | "ندد" | "نوه" | "احتفي"
    )
}

/// The length of a subject phrase without what follows a definite surname in its name: an
/// undefined word that is no particle or role starts the verb's object or an adverb
/// (`هيا الشعيبي رسالة` → `هيا الشعيبي`); so does, after a sure given name and any surname,
/// an undefined common word of news prose (`بلقيس فتحي لأول مرة` → `بلقيس فتحي`).
pub(super) fn cut_after_surname(np: &[Token]) -> usize {
    let (role, _) = split_role(np);
    let name_start = role.len();
    // `إيمانويل ماكرون وسفير فرنسا`: a title joined by `و` starts another person.
    let joined_title = |t: &Token| {
        t.norm
            .strip_prefix('و')
            .is_some_and(|rest| rest.chars().count() > 2 && is_title(rest))
    };
    // `سيدي محمد ولد محم الأهمية`: after a particle and its name (`ولد X`, `بن X`), a
    // definite word that is no family name in `ـي` is the object.
    let after_particle_name = |k: usize| {
        k >= name_start + 2
            && matches!(
                np[k - 2].norm.as_str(),
                "ولد" | "بن" | "ابن" | "بنت" | "ايت"
            )
            && has_article(&np[k].norm)
            && !np[k].norm.ends_with('ي')
            && !COMPOUND_SECOND.contains(&np[k].norm.as_str())
            && !NAME_PARTICLES.contains(&np[k].norm.as_str())
            // (`عبد العزيز بن تركي الفيصل رئيس …`: after a given name, a definite word that
            // is no common word of news prose and ends the phrase or comes before a title is
            // the family name.)
            && (given_name(&np[k - 1].norm).is_none()
                || is_common_word(&np[k].norm)
                || np.get(k + 1).is_some_and(|n| !is_title(&n.norm)))
    };
    // `بلقيس فتحي لأول مرة`, `محمد سعد تفاصيل جديدة`: after a sure given name and a surname,
    // a common word of news prose without the article starts the object or an adverb.
    let common_after_name = |k: usize| {
        k >= name_start + 2
            && given_name(&np[name_start].norm) == Some(GivenName::Sure)
            && !has_article(&np[k].norm)
            && is_common_word(&np[k].norm)
            // (`أحمد علي ربيع`: a given name that is also a word goes on with the name.)
            && given_name(&np[k].norm).is_none()
            && !NAME_PARTICLES.contains(&np[k - 1].norm.as_str())
            && !is_regnal_ten(&np[k].norm)
    };
    // `فيصل بن فرحان مبادرة`: after a particle and its name, a common word of news prose
    // without the article (and no given name) starts the object too.
    let common_after_particle_name = |k: usize| {
        k >= name_start + 2
            && matches!(np[k - 2].norm.as_str(), "ولد" | "بن" | "ابن" | "بنت")
            && !has_article(&np[k].norm)
            && is_common_word(&np[k].norm)
            && given_name(&np[k].norm).is_none()
    };
    // `حسين الحاج حسن إن`: a given name closing the phrase after a definite word is the last
    // part of the name (Levantine names), not the object.
    let closing_given =
        |k: usize| k + 1 == np.len() && !np[k].tanwin && given_name(&np[k].norm).is_some();
    (name_start + 1..np.len())
        .find(|&k| {
            joined_title(&np[k])
                || after_particle_name(k)
                || common_after_name(k)
                || common_after_particle_name(k)
                || (surname_ends_name(&np[name_start..k])
                    && !continues_name(&np[k])
                    && !closing_given(k))
        })
        .unwrap_or(np.len())
}

/// True when the name words `name` (a prefix of a name) end with a definite surname: a word
/// with the article that is neither a first name written with it (`الطاهر`) nor the second
/// half of a compound (`عبد الله`, `آل الشيخ`), nor a title or institution. A nisba
/// (`الشعيبي`) is a family name here.
fn surname_ends_name(name: &[Token]) -> bool {
    let Some(last) = name.last() else {
        return false;
    };
    let w = last.norm.as_str();
    // `عبد الله محمد`, `أبو بكر الصديق`: a compound first name goes on; after `آل`, `بن` or
    // `ولد` the surname is complete (`تركي آل الشيخ`).
    let after_particle = name.len() >= 2
        && matches!(
            name[name.len() - 2].norm.as_str(),
            "عبد" | "ابو" | "ابي" | "ام"
        );
    has_article(w)
        && !COMPOUND_SECOND.contains(&w)
        && !DEFINITE_FIRST_NAMES.contains(&w)
        && !is_title(w)
        && !institutions().contains(crate::text::quotes::words::strip_article(w))
        && !after_particle
}

/// True for `عشر`, the second word of a regnal number (`ليو الرابع عشر`): part of the name.
fn is_regnal_ten(norm: &str) -> bool {
    norm == "عشر"
}

/// True for a word that may go on with a name after its surname: another definite word, a
/// particle (`ولد`, `بن`) or a role in apposition; not an undefined noun (`رسالة`) or a
/// word written with tanwin (`ردًا`).
fn continues_name(t: &Token) -> bool {
    t.is_word()
        && !t.tanwin
        && (is_regnal_ten(&t.norm)
            || has_article(&t.norm)
            || NAME_PARTICLES.contains(&t.norm.as_str())
            || is_role_word(&t.norm))
}

/// The length of a subject phrase without an object in construct after its name (`النائب
/// سجاد سالم أداء الحكومة` → `النائب سجاد سالم`): an undefined noun and a definite one
/// closing a name of at least two more words, unless they form a compound name (`عبد الله`,
/// `أبو الغيط`, `نور الدين`).
pub(super) fn trim_construct_object(np: &[Token]) -> usize {
    let (role, name) = split_role(np);
    let n = name.len();
    if n < 4 {
        return np.len();
    }
    let (x, y) = (&name[n - 2], &name[n - 1]);
    // (`ياسر بن عثمان الرميان`: a father's name after `بن`, or any sure given name, and a
    // family name that is no word of prose go on with the name; `فيصل بن فرحان الاحتلال`
    // ends with the object.)
    let family = (NAME_PARTICLES.contains(&name[n - 3].norm.as_str())
        || given_name(&x.norm) == Some(GivenName::Sure))
        && may_be_family_name(&y.norm)
        && !is_common_word(strip_article(&y.norm));
    let compound = NAME_PARTICLES.contains(&x.norm.as_str())
        || COMPOUND_SECOND.contains(&y.norm.as_str())
        || DEFINITE_FIRST_NAMES.contains(&y.norm.as_str())
        || family;
    // A masculine nisba closes many surnames (`محمد شياع السوداني`); a feminine one does not.
    if !has_article(&x.norm) && has_article(&y.norm) && !y.norm.ends_with('ي') && !compound {
        role.len() + n - 2
    } else {
        np.len()
    }
}

/// The name after a body's short name in brackets at `tokens[open]` (`(حماس) حازم قاسم`: one
/// or two words without the article): a given name first, then words up to where a subject
/// ends.
fn after_brackets(tokens: &[Token], open: usize) -> Option<Range<usize>> {
    let close = (open + 2..tokens.len().min(open + 4)).find(|&k| tokens[k].punct() == Some(')'))?;
    // (A short name, no description: `محامي الأسير (المضرب عن الطعام) خليل عواودة` names
    // the prisoner, not the lawyer.)
    if !tokens[open + 1..close]
        .iter()
        .all(|t| t.is_word() && !has_article(&t.norm))
    {
        return None;
    }
    let start = close + 1;
    if !tokens
        .get(start)
        .is_some_and(|t| t.is_word() && given_name(&t.norm).is_some())
    {
        return None;
    }
    let end = name_end(tokens, start);
    (end > start + 1).then_some(start..end)
}

/// Where a name of at most four words starting at `tokens[start]` ends: at the first token
/// that ends a subject.
fn name_end(tokens: &[Token], start: usize) -> usize {
    let mut end = start;
    while end < tokens.len() && end - start < 4 && !ends_subject(&tokens[end]) {
        end += 1;
    }
    end
}

/// The name after `عن «GROUP»` or `في شركة "GROUP"` starting at `tokens[i]`.
fn after_quoted_group(tokens: &[Token], i: usize) -> Option<Range<usize>> {
    use crate::text::quotes::words::TokKind::Mark;
    // `الرئيس التنفيذي لشركة "كريم" مدثر شيخة`: the mark right after a `لـ` institution word.
    // Only after a person's title (`المتحدث باسم جماعة "…" X`), not after an outlet or a
    // group that is itself the subject (`ذكرت صحيفة "ماركا" الإسبانية`).
    // (`عضو تكتل "…"`: the title may stand before a group noun that is no role word.)
    let titled_within = |n: usize| {
        tokens[..i]
            .iter()
            .rev()
            .take_while(|t| t.is_word())
            .take(n)
            .any(|t| is_title(&t.norm))
    };
    let titled = titled_within(3);
    // `المتحدث باسم منظمة الأمم المتحدة للطفولة “اليونيسف” جيمس إلدر`: a body's acronym in
    // marks after a long role, then a name opening with a given name.
    let acronym_then_name = || {
        let close = (i + 1..tokens.len().min(i + 4)).find(|&k| tokens[k].kind == Mark)?;
        // (`لحركة “فتح” في فلسطين محمد اشتية`: and where it is.)
        let place = tokens
            .get(close + 1)
            .is_some_and(|t| matches!(t.norm.as_str(), "في" | "فى"));
        let next = tokens.get(close + if place { 3 } else { 1 })?;
        (next.is_word() && crate::text::quotes::lexicon::given_name(&next.norm).is_some())
            .then_some(())
    };
    let glued = tokens.get(i)?.kind == Mark
        && i > 0
        && ((titled
            && (name_context().contains(&tokens[i - 1].norm)
                || (tokens[i - 1].norm.starts_with('ل')
                    && institutions().contains(strip_lam(&tokens[i - 1].norm)))))
            || (titled_within(8) && acronym_then_name().is_some())
            // `عضو "كتلة الوفاء للمقاومة" النائب علي المقداد`: a body's whole name in marks
            // right after the title.
            || (is_title(&tokens[i - 1].norm)
                && tokens
                    .get(i + 1)
                    .is_some_and(|t| super::is_body_word(&t.norm))));
    let open = if glued {
        i
    } else {
        if !matches!(
            tokens.get(i)?.norm.as_str(),
            "عن" | "في" | "من" | "لدى" | "ب"
        ) {
            return None;
        }
        // The opening mark, after at most two words (`في شركة "…"`).
        (i + 1..tokens.len().min(i + 4)).find(|&k| !tokens[k].is_word())?
    };
    if tokens[open].kind != Mark {
        return None;
    }
    let close = (open + 1..tokens.len().min(open + 7)).find(|&k| tokens[k].kind == Mark)?;
    let mut start = close + 1;
    // `المتحدث باسم حركة “فتح”، عبد الفتاح دولة، أن`: the name set off by commas.
    let comma = |t: &Token| matches!(t.punct(), Some('،' | ','));
    let set_off = tokens.get(start).is_some_and(comma);
    if set_off {
        start += 1;
    }
    // `لحركة “فتح” في فلسطين محمد اشتية`: where the group is, then the name.
    if tokens
        .get(start)
        .is_some_and(|t| matches!(t.norm.as_str(), "في" | "فى"))
        && tokens.get(start + 1).is_some_and(Token::is_word)
        && tokens
            .get(start + 2)
            .is_some_and(|t| t.is_word() && starts_name(tokens, start + 2))
    {
        start += 2;
    }
    // `عضو تكتل "الجمهورية القوية" النائب نزيه متّى`: a title before the name.
    while start + 1 < tokens.len()
        && tokens[start].is_word()
        && is_title(&tokens[start].norm)
        && !starts_name(tokens, start)
    {
        start += 1;
    }
    if !tokens
        .get(start)
        .is_some_and(|t| t.is_word() && starts_name(tokens, start))
    {
        return None;
    }
    let end = name_end(tokens, start);
    if set_off && !tokens.get(end).is_some_and(comma) {
        return None;
    }
    (end > start).then_some(start..end)
}

/// The name after a role's workplace starting at `tokens[i]` (`كبير الاقتصاديين في بنك
/// أبوظبي الأول سايمون ويليامز`): the words after the last definite word of the place, when
/// the phrase goes on with undefined words after it.
pub(super) fn after_workplace(tokens: &[Token], i: usize) -> Option<Range<usize>> {
    // `النائبة عن كتلة دولة القانون ابتسام الهلالي`: an MP for a bloc (after other roles
    // `عن` is what they speak about).
    let mp = i > 0
        && matches!(
            strip_article(&tokens[i - 1].norm),
            "نائب" | "نائبه" | "عضو" | "عضوه"
        );
    let word = tokens.get(i)?.norm.as_str();
    if !(matches!(word, "في" | "لدى" | "ب" | "من" | "إلى" | "الى") || (word == "عن" && mp))
    {
        return None;
    }
    let a = i + 1;
    // `في بيان لمكتبه`, `في تصريح صحفي`, `في مؤتمر`: the occasion, not a workplace.
    let occasion = tokens.get(a).is_some_and(|t| {
        let w = t.norm.as_str();
        crate::text::quotes::cues::STATEMENT_NOUNS.contains(&w)
            || matches!(
                w,
                "تصريح"
                    | "تصريحات"
                    | "حديث"
                    | "مؤتمر"
                    | "لقاء"
                    | "مقابله"
                    | "حوار"
                    | "اتصال"
            )
    });
    if occasion {
        return None;
    }
    let mut b = a;
    // (`في بغداد سعد معن في بيان`: a second preposition after the name opens the occasion.)
    while b < tokens.len()
        && b - a < MAX_SUBJECT_WORDS + 2
        && (!ends_subject(&tokens[b]) || is_morning_name(tokens, b))
        && !(b >= a + 3 && matches!(tokens[b].norm.as_str(), "في" | "فى" | "خلال" | "عبر"))
    {
        b += 1;
    }
    // `العقيد حيدر شاكر محمد للوكالة الرسمية`, `… بمقر الوزارة`: `لـ` and the article, or a
    // `لـ`/`بـ` noun with its definite genitive, after the name end it (not any word in
    // `ل`/`ب`: `بيضون`, `لحود`, `بدوي` are surnames).
    if let Some(p) = (a + 2..b).find(|&j| {
        !has_article(&tokens[j - 1].norm)
            && (tokens[j].norm.starts_with("لل")
                || (is_prepositional_word(&tokens[j].norm)
                    && tokens.get(j + 1).is_some_and(|n| has_article(&n.norm))))
    }) {
        b = p;
    }
    // The name starts at an undefined, non-role word right after a definite one; or, after a
    // one-word place (`إلى ليبيا عبد الله باتيلي`), right after that word.
    let place = tokens.get(a)?;
    let envoy = matches!(tokens[i].norm.as_str(), "إلى" | "الى" | "لدى")
        && b > a + 2
        && !has_article(&place.norm)
        && !is_role_word(&place.norm);
    // (`في قضاء بعبدا أدهم الدنف`: with no definite word, the name opens with a given name;
    // after a one-word place any given name does, `في بغداد سعد معن`.)
    let given_from = || {
        (a + 1..b).find(|&k| {
            let given = crate::text::quotes::lexicon::given_name(&tokens[k].norm);
            // (`في واشنطن حنينة المغيري`: after a one-word place, a word and a definite
            // nisba surname.)
            let nisba_surname = k == a + 1
                && b - k == 2
                && !is_role_word(&tokens[a].norm)
                && has_article(&tokens[k + 1].norm)
                && is_nisba(&tokens[k + 1].norm)
                && !is_role_word(&tokens[k].norm);
            // (`في قطاع غزة إياد البزم ،`: a given name that is also a word, then a surname
            // that is none, closing the phrase before a comma or the complement.)
            let closed_name = given.is_some()
                && b - k == 2
                && !is_common_word(&tokens[k + 1].norm)
                && !is_title(&tokens[k + 1].norm)
                && !super::is_body_word(&tokens[k + 1].norm)
                && tokens
                    .get(b)
                    .is_some_and(|t| !t.is_word() || opens_complement(t));
            (given == Some(crate::text::quotes::lexicon::GivenName::Sure)
                || (given.is_some() && k == a + 1 && !is_role_word(&tokens[a].norm))
                || nisba_surname
                || closed_name)
                && (2..=3).contains(&(b - k))
        })
    };
    let k = if envoy {
        a + 1
    } else {
        (a + 1..b)
            .find(|&k| has_article(&tokens[k - 1].norm) && starts_name(tokens, k))
            .or_else(given_from)?
    };
    // A first mention after a workplace is a full name: two to four words.
    let (_, name) = split_role(&tokens[k..b]);
    (name.len() == b - k && (2..=4).contains(&name.len())).then_some(k..b)
}

/// Relative pronouns: a cue right after one has the antecedent as its subject.
pub(super) const RELATIVES: &[&str] = &[
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللواتي",
    // The Egyptian spelling with ى.
    "الذى",
    "التى",
];

/// True for a preposition with a pronoun after a verb in a relative clause (`الذي قال عنه`,
/// `اللتين دعا إليهما`): the pronoun is the antecedent, the verb has a subject of its own.
fn is_resumptive(w: &str) -> bool {
    matches!(
        w,
        "عنه"
            | "عنها"
            | "عنهم"
            | "له"
            | "لها"
            | "لهم"
            | "فيه"
            | "فيها"
            | "فيهم"
            | "به"
            | "بها"
            | "بهم"
            // `القمتين … اللتين دعا إليهما الملك سلمان`: the summits he called for.
            | "اليه"
            | "اليها"
            | "اليهما"
            | "اليهم"
            | "إليه"
            | "إليها"
            | "إليهما"
            | "إليهم"
            | "عليه"
            | "عليها"
            | "عليهم"
            | "عنهما"
            | "لهما"
            | "فيهما"
    )
}

/// True for a cue in a relative clause about its antecedent (`القمتين اللتين دعا إليهما
/// الملك`): the clause describes the antecedent, and nobody is quoted by it.
pub(crate) fn relative_about_antecedent(tokens: &[Token], cue: usize) -> bool {
    cue > 0
        && RELATIVES.contains(&tokens[cue - 1].norm.as_str())
        && tokens.get(cue + 1).is_some_and(|t| is_resumptive(&t.norm))
}

/// The subject of a cue in a relative clause (`المعهد الوطني للإحصاء، الذي وصف الوضع …`): the
/// noun phrase before the relative pronoun. A cue carrying an object pronoun (`الذي وصفه
/// الوزير`) has its own subject after it, so it is left alone.
pub(crate) fn subject_before_relative(tokens: &[Token], cue: usize) -> Option<Range<usize>> {
    let rel = cue.checked_sub(1)?;
    if !RELATIVES.contains(&tokens[rel].norm.as_str()) {
        return None;
    }
    let w = tokens[cue].norm.as_str();
    // `الذي قال عنه النقاد`: a resumptive pronoun after the verb, so a subject of its own.
    let resumptive = tokens.get(cue + 1).is_some_and(|t| is_resumptive(&t.norm));
    // `في حمص التي قال إنها …`: the complement's pronoun is the antecedent, the subject is
    // someone else.
    let about_antecedent = tokens.get(cue + 1).is_some_and(|t| {
        matches!(
            t.norm.as_str(),
            "انها" | "انه" | "انهم" | "بانها" | "بانه" | "بانهم" | "عنها" | "عنه"
        )
    });
    // `البطولة التي اختتمت منافساتها`: the verb takes a possessed object; no speech here.
    let possessed_object = tokens.get(cue + 1).is_some_and(|t| {
        t.is_word() && !has_article(&t.norm) && (t.norm.ends_with("ها") || t.norm.ends_with("هم"))
    });
    if tokens[cue].suffixed
        || w.ends_with("ها")
        || w.ends_with("هم")
        || resumptive
        || about_antecedent
        || possessed_object
    {
        return None;
    }
    // `الأمر الذي دعا …`: "which led to", no antecedent that speaks.
    if rel > 0 && matches!(tokens[rel - 1].norm.as_str(), "الامر" | "الشيء") {
        return None;
    }
    let mut e = rel;
    if e > 0 && tokens[e - 1].punct() == Some('،') {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && e - s < MAX_SUBJECT_WORDS && !ends_subject(&tokens[s - 1]) {
        s -= 1;
    }
    // `في زيارة وزير الاتصال الذي اعتبر`: an undefined noun in construct with a title is the
    // occasion; the titled person is the antecedent.
    if e - s >= 3
        && !has_article(&tokens[s].norm)
        && !is_title(&tokens[s].norm)
        && !super::is_body_word(&tokens[s].norm)
        && crate::text::quotes::lexicon::given_name(&tokens[s].norm).is_none()
        && is_title(&tokens[s + 1].norm)
        && !has_article(&tokens[s + 1].norm)
    {
        s += 1;
    }
    (s < e).then_some(s..e)
}

/// True when `last` (a subject phrase's last word) is an undefined noun of prose in the
/// construct state before `next`, a word of prose with a pronoun or the article (`إصرار
/// بلاده`, `إدارة الرئيس`): the two open the verb's object. A given name, a title, a particle
/// or a compound name's first half (`نصر الله`) is no such noun.
pub(super) fn construct_before(last: &Token, next: &Token) -> bool {
    let (w, n) = (last.norm.as_str(), next.norm.as_str());
    last.is_word()
        && next.is_word()
        && !last.tanwin
        && is_common_word(w)
        && !has_article(w)
        && given_name(w).is_none()
        && !is_role_word(w)
        && !NAME_PARTICLES.contains(&w)
        && (next.suffixed || (has_article(n) && is_common_word(n)))
        && !COMPOUND_SECOND.contains(&n)
}
