"""Session 8 follow-up of issue 16: named bodies, places and people from the build half of the blind5 set's wrong
renderings and misses (tests/data/gazetteer_mentions_blind5.jsonl, ``split_of`` == "build"), each row with its source
in the glossary files; and one kind of wrong rendering, عمان read as Oman where the text is about Jordan. Every
sentence in the first test is a real one from that half (Qatari, Lebanese, Saudi, Sudanese, Egyptian, Yemeni,
Emirati, Jordanian, Omani, Algerian and Tunisian outlets); the held-out half's errors were not read."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from translator.config import glossary_dirs
from translator.glossary import Glossary
from translator.glossary.load import read_tsv

FoundTerms = Callable[[str, str], dict[str, str]]  # the found_terms fixture (conftest.py)

_QATAR_PM = ("استقبل معالي الشيخ محمد بن عبدالرحمن بن جاسم آل ثاني رئيس مجلس الوزراء وزير الخارجية، اليوم، سعادة "
             "السيدة باربرا ليف مساعدة وزير الخارجية الأمريكي لشؤون الشرق الأدنى، التي تزور البلاد حاليا.")
_DOHA = ("ولدى وصوله الى مطار الدوحة برفقة مستشاريه، السفير محمد شطح ورولا نور الدين وعارف العبد، كان في استقباله "
         "النائب الأول لرئيس الوزراء القطري وزير الطاقة والصناعة عبد الله بن حمد العطية، وزير المهجّرين نعمة طعمة")
_OIC = ("التقى وزير الدولة للشؤون الخارجية بدولة قطر أحمد بن عبدالله آل محمود اليوم الأمين العام لمنظمة المؤتمر "
        "الإسلامي البروفيسور أكمل الدين إحسان أوغلو الذي يزور البلاد حاليا.")
_ALGIERS = ("وكان في استقبال محمود عباس بالقاعة الشرفية لمطار هواري بومدين الدولي، الوزير الأول، أيمن بن عبد الرحمان، "
            "وزير الشؤون الخارجية والجالية الوطنية بالخارج، رمطان لعمامرة")


@pytest.mark.parametrize(("text", "country", "surface", "target"), [
    # marsalqatar.qa: the romanizer's "Mohammed bin Abdul Rahman bin Jasm Al Thani" (the row lacked بن جاسم)
    (_QATAR_PM, "QA", "محمد بن عبدالرحمن بن جاسم آل ثاني", "Mohammed bin Abdulrahman Al Thani"),
    (_QATAR_PM, "QA", "باربرا ليف", "Barbara Leaf"),
    (_QATAR_PM, "QA", "الشرق الأدنى", "Near East"),
    # marsalqatar.qa: "Palestinian territories" alone lost المحتلة
    ("ومناقشة آخر تطورات الأوضاع في قطاع غزة والأراضي الفلسطينية المحتلة، ومستجدات جهود الوساطة", "QA",
     "الأراضي الفلسطينية المحتلة", "occupied Palestinian territories"),
    ("استقبل معالي الشيخ خالد بن خليفة بن عبدالعزيز آل ثاني رئيس مجلس الوزراء ووزير الداخلية، سعادة السيد أحمد أبو "
     "الغيط الأمين العام لجامعة الدول العربية، وذلك على هامش اجتماع مجلس وزراء الشؤون الاجتماعية العرب", "QA",
     "مجلس وزراء الشؤون الاجتماعية العرب", "Council of Arab Ministers of Social Affairs"),
    # al-akhbar.com: "Doha" alone for the airport; the romanizer's "Mohammed Shath Warula Noor", "Nehmé Tohmé"
    (_DOHA, "LB", "مطار الدوحة", "Doha airport"),
    (_DOHA, "LB", "محمد شطح", "Mohamad Chatah"),
    (_DOHA, "LB", "نعمة طعمة", "Nehme Tohme"),
    ("في إطار الجولة العربية التي بدأها في الإمارات والكويت، كانت دولة قطر المحطة الثالثة التي قصدها رئيس الحكومة "
     "فؤاد السنيورة، أمس، حيث التقى أميرها الشيخ حمد بن خليفة آل ثاني.", "LB", "حمد بن خليفة آل ثاني",
     "Hamad bin Khalifa Al Thani"),
    ("ثم انتقل السنيورة الى قصر الوجبة حيث التقى أمير قطر، في حضور الوزير العطية ورئيس الديوان الأميري الشيخ عبد "
     "الرحمن بن سعود آل ثاني", "LB", "قصر الوجبة", "Al-Wajba Palace"),
    ("ثم انتقل السنيورة الى قصر الوجبة حيث التقى أمير قطر، في حضور الوزير العطية ورئيس الديوان الأميري الشيخ عبد "
     "الرحمن بن سعود آل ثاني", "LB", "الديوان الأميري", "Amiri Diwan"),
    # sauress.com: the OIC under its name before 2011 was missed; the romanizer's "Akml al-Din Ahsan"
    (_OIC, "SA", "منظمة المؤتمر الإسلامي", "Organisation of the Islamic Conference"),
    (_OIC, "SA", "أكمل الدين إحسان أوغلو", "Ekmeleddin İhsanoğlu"),
    (_OIC, "SA", "أحمد بن عبدالله آل محمود", "Ahmad bin Abdullah Al Mahmoud"),
    ("ونقلت تصريح المبعوث الأممي بيرناردينو ليون أن ليبيا ليس لديها وقت لتهدره", "SA", "بيرناردينو ليون",
     "Bernardino León"),
    # sudanindependent.com, sudanbiz.net: the romanizer cut "Ahmed Ibrahim"; "Khartoum" alone for the airport
    ("ويرافق رئيس مجلس السيادة السفير الدكتور علي يوسف أحمد الشريف وزير الخارجية والفريق أول أحمد أبراهيم مفضل "
     "مدير عام جهاز المخابرات العامة.", "SD", "أحمد أبراهيم مفضل", "Ahmed Ibrahim Mufaddal"),
    ("وكان في وداعه بمطار الخرطوم، الأمين العام لمجلس السيادة الفريق الركن محمد الغالي علي يوسف", "SD",
     "مطار الخرطوم", "Khartoum airport"),
    # alqaheranews.net: the romanizer's "Salfakir Miardit" (a row "مجلس جامعة الدول العربية" → "Arab League Council"
    # was tried and dropped: three other sets' build halves label جامعة الدول العربية alone, "Arab League")
    ("سيجري رئيس المجلس، خلال الزيارة، مباحثات مع الرئيس سلفاكير ميارديت، تتعلق بمسار العلاقات الثنائية", "EG",
     "سلفاكير ميارديت", "Salva Kiir Mayardit"),
    # elyamnelaraby.com: the founders of the UAE daily Al Khaleej were missed
    ("منذ ولادتها على يد الشقيقين المرحومين تريم عمران وعبد الله عمران طيب الله ثراهما", "YE", "تريم عمران",
     "Taryam Omran"),
    ("منذ ولادتها على يد الشقيقين المرحومين تريم عمران وعبد الله عمران طيب الله ثراهما", "YE", "عبد الله عمران",
     "Abdullah Omran"),
    # emiratesvoice.com, jo24.net, omantoday.net
    ("وعرجت صحف ليبيا على تصريحات المبعوث الأممي إلى ليبيا مارتن كوبلر، وإعرابه عن قلقه من الوضع المعيشي", "AE",
     "مارتن كوبلر", "Martin Kobler"),
    ("وجرى لرئيس الوزراء العراقي والوفد المرافق استقبال رسمي في مطار ماركا العسكري، حيث كان في استقباله رئيس الوزراء "
     "الدكتور عبدالله النسور وعدد من المسؤولين.", "AE", "مطار ماركا العسكري", "Marka military airport"),
    ("التقى رئيس الوزراء جعفر حسّان، اليوم الثلاثاء، سفراء من دول الخليج العربية الشقيقة لدى الأردن.", "JO",
     "دول الخليج العربية", "Arab Gulf states"),
    # djazairess.com: the gazetteer's commune "Lamtar" for لمطار ("of the airport"); the romanizer's spacing
    (_ALGIERS, "DZ", "مطار هواري بومدين الدولي", "Houari Boumediene Airport"),
    (_ALGIERS, "DZ", "أيمن بن عبد الرحمان", "Aymen Benabderrahmane"),
    ("كما حلت رئيسة جمهورية إثيوبيا، ساهلي وورك زودي، اليوم الاثنين بالجزائر العاصمة", "DZ", "ساهلي وورك زودي",
     "Sahle-Work Zewde"),
    # journalistesfaxien.tn, tunizien.net
    ("وسيشارك السيد رئيس الجمهورية خلال هذه الزيارة في أعمال المنتدى الاقتصادي الدولي بسان بطرسبورغ الروسية", "TN",
     "سان بطرسبورغ", "St Petersburg"),
    ("استقبل رئيس الجمهورية قيس سعيد ، الأربعاء ، بقصر قرطاج ، الرئيس السابق لمجلس نواب الشعب محمد الناصر ، الذي "
     "كان قد كلف بمهام رئيس الجمهورية", "TN", "محمد الناصر", "Mohamed Ennaceur"),
])
def test_a_sourced_row_renders_the_name_in_a_real_sentence(found_terms: FoundTerms, text: str, country: str,
                                                           surface: str, target: str) -> None:
    assert found_terms(text, country).get(surface) == target


def test_every_new_row_names_its_source() -> None:
    rows = [entry for folder in glossary_dirs() for path in sorted(folder.glob("*.tsv"))
            for entry in read_tsv(path)[0]]
    new = {"Khalid bin Khalifa bin Abdulaziz Al Thani", "Hamad bin Khalifa Al Thani", "Ahmad bin Abdullah Al Mahmoud",
           "Barbara Leaf", "Mohamad Chatah", "Nehme Tohme", "Ekmeleddin İhsanoğlu", "Ahmed Ibrahim Mufaddal",
           "Salva Kiir Mayardit", "Martin Kobler", "Abdullah Ensour", "Rami Hamdallah", "Aymen Benabderrahmane",
           "Sahle-Work Zewde", "Mohamed Ennaceur", "Taryam Omran", "Abdullah Omran",
           "Organisation of the Islamic Conference", "Amiri Diwan",
           "Council of Arab Ministers of Social Affairs", "St Petersburg International Economic Forum", "Near East",
           "occupied Palestinian territories", "Arab Gulf states", "Al-Wajba Palace", "Houari Boumediene Airport",
           "Doha airport", "Khartoum airport", "Marka military airport", "St Petersburg"}
    noted = {e.target: e.note for e in rows if e.target in new}
    assert set(noted) == new
    assert all("source: http" in note for note in noted.values())


@pytest.mark.parametrize(("text", "target"), [
    # omantoday.net (blind5, build half): announced in Amman, the Jordanian capital, about Jordan's prime minister
    ("أعلن في عمان الاربعاء أن رئيس وزراء الاردن عبدالله النسور سيتوجه الى رام الله الاسبوع المقبل", "Amman"),
    # the same kind, written for this test: going to Amman (إلى), being in it (ب) in a text that names Jordan
    ("وصل وزير الخارجية العراقي إلى عمان في زيارة إلى الأردن تستغرق يومين", "Amman"),
    ("التقى الوفد بعمان رئيس وزراء الأردن", "Amman"),
    # and where it stays Oman: the country's minister, an item of a list of countries, a text that names Oman too,
    # a text that names no Jordan
    ("قال وزير خارجية عمان إن الأردن شريك في المبادرة", "Oman"),
    ("زار الوزير الأردن وعمان والكويت في جولة خليجية", "Oman"),
    ("وصل السلطان إلى عمان قادما من الأردن بعد زيارة إلى سلطنة عمان", "Oman"),
    ("وصل رئيس الوزراء العراقي إلى عمان قبل ظهر اليوم في زيارة رسمية", "Oman"),
])
def test_amman_where_the_text_is_about_jordan(glossary: Glossary, text: str, target: str) -> None:
    found = [m.target for m in glossary.match(text, country="OM") if m.surface == "عمان"]
    assert found and found[0] == target


@pytest.mark.parametrize(("text", "surface", "target"), [
    # sudanbiz.net and alqaheranews.net (blind5, build half): the Sovereignty Council's secretary-general, spelled
    # "Mohammed al-Ghali Ali Youssef" by the default (wire) rules; Sudanese outlets and SUNA write Mohamed, Yousif
    ("وصل إلى الخرطوم الأمين العام لمجلس السيادة الفريق الركن محمد الغالي علي يوسف", "محمد الغالي علي يوسف",
     "Mohamed al-Ghali Ali Yousif"),
    # written for this test, the same kind: Osman, Musa, Abdallah in a story about Sudan
    ("وقال الوزير ميرغني موسى عثمان في الخرطوم إن الطريق أعيد فتحه", "ميرغني موسى عثمان", "Mirghani Musa Osman"),
])
def test_sudanese_names_follow_the_sudanese_press(glossary: Glossary, text: str, surface: str, target: str) -> None:
    names = {m.surface: (m.target, m.layer) for m in glossary.match(text, country="SD")}
    assert names.get(surface) == (target, "romanized")


def test_the_same_names_in_a_story_on_egypt_keep_the_egyptian_rules(glossary: Glossary) -> None:
    # the region is the text's places', not the name's: in Cairo محمد is Mohamed and يوسف Youssef (egypt falls back
    # to the default row for يوسف)
    text = "وصل إلى القاهرة الفريق محمد الغالي علي يوسف"
    names = {m.surface: m.target for m in glossary.match(text, country="EG") if m.layer == "romanized"}
    assert names.get("محمد الغالي علي يوسف") == "Mohamed el-Ghali Ali Youssef"
