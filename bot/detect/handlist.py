"""The hand-kept gazetteer data: front-line settlements with their usual English spellings and
Ukrainian/Russian stems (irregular and Russian official names included), oblasts, districts and
direction locators. gazetteer.py compiles it; the codifier (katottg.py) covers the rest.
"""

# canonical | English forms | Ukrainian stem:class | Russian stem:class
SETTLEMENTS = """
Pokrovsk|Pokrovsk,Krasnoarmeysk,Krasnoarmiisk|Покровськ:M,Красноармійськ:M|Покровск:M,Красноармейск:M
Mykolaivka|Mykolaivka|Миколаїв:KA|Николаев:KA
Robotyne|Robotyne,Rabotino|Роботин:E|Работин:O
Verbove|Verbove,Verbovoye,Verbovoe|Вербов:E|Вербов:OE
Novodarivka|Novodarivka,Novodarovka|Новодарів:KA|Новодаров:KA
Piatykhatky|Piatykhatky,Pyatykhatky,Pyatikhatki,Piatykhatki|П'ятихат:PL|Пятихат:PL
Pryiutne|Pryiutne,Priyutne,Priyutnoye,Pryyutne|Приютн:E|Приютн:OE
Avdiivka|Avdiivka,Avdeevka,Avdeyevka,Avdiyivka|Авдіїв:KA|Авдеев:KA
Karlivka|Karlivka,Karlovka|Карлів:KA|Карлов:KA
Stepove|Stepove,Stepovoye,Stepovoe|Степов:E|Степов:OE
Selydove|Selydove,Selidovo|Селидов:E|Селидов:O
Udachne|Udachne,Udachnoye,Udachnoe|Удачн:E|Удачн:OE
Kotlyne|Kotlyne,Kotlino|Котлин:E|Котлин:O
Shakhove|Shakhove,Shakhovo|Шахов:E|Шахов:O
Vuhledar|Vuhledar,Ugledar|Вугледар:M|Угледар:M
Soledar|Soledar|Соледар:M|Соледар:M
Bakhmut|Bakhmut,Artemivsk,Artyomovsk,Artemovsk|Бахмут:M,Артемівськ:M|Бахмут:M,Артемовск:M
Ivanivske|Ivanivske,Ivanovskoye,Ivanovskoe|Іванівськ:E|Ивановск:OE
Khromove|Khromove,Khromovo|Хромов:E|Хромов:O
Niu-York|Niu-York,Niu York,Nyu-York,Novhorodske|Нью-Йорк:M,Новгородськ:E|Нью-Йорк:M
Krynky|Krynky,Krinki|Крин:PL|Крын:PL
Makiivka|Makiivka,Makeevka,Makeyevka|Макіїв:KA|Макеев:KA
Olenivka|Olenivka,Olenovka,Yelenovka|Оленів:KA|Оленов:KA,Еленов:KA
Dmytrivka|Dmytrivka,Dmitrivka,Dmitrovka|Дмитрів:KA|Дмитров:KA
Toretsk|Toretsk,Dzerzhynsk,Dzerzhinsk|Торецьк:M,Дзержинськ:M|Торецк:M,Дзержинск:M
Kurakhove|Kurakhove,Kurakhovo|Курахов:E|Курахов:O
Myrnohrad|Myrnohrad,Mirnograd,Dymytrov|Мирноград:M|Мирноград:M,Димитров:M
Siversk|Siversk|Сіверськ:M|Северск:M
Lyman|Lyman|Лиман:M|Лиман:M
Kupiansk|Kupiansk,Kupyansk|Куп'янськ:M|Купянск:M
Vovchansk|Vovchansk,Volchansk|Вовчанськ:M|Волчанск:M
Orikhiv|Orikhiv,Orekhov|Оріхов:M,Оріхів:M|Орехов:M
Kramatorsk|Kramatorsk|Краматорськ:M|Краматорск:M
Sloviansk|Sloviansk,Slovyansk|Слов'янськ:M|Славянск:M
Kostiantynivka|Kostiantynivka,Konstantinovka,Kostyantynivka|Костянтинів:KA|Константинов:KA
Mariupol|Mariupol|Маріупол:M,Маріуполь:M,Маріупол:NE|Мариупол:M,Мариуполь:M,Мариупол:NE
Sievierodonetsk|Sievierodonetsk,Severodonetsk|Сєвєродонецьк:M|Северодонецк:M
Lysychansk|Lysychansk,Lisichansk|Лисичанськ:M|Лисичанск:M
Izium|Izium,Izyum|Ізюм:M|Изюм:M
Bucha|Bucha|Буч:A|Буч:A
Irpin|Irpin|Ірпін:M,Ірпен:M|Ирпен:M
Sudzha|Sudzha|Судж:A|Судж:A
Klishchiivka|Klishchiivka,Kleshcheevka,Kleshcheyevka|Кліщіїв:KA|Клещеев:KA
Andriivka|Andriivka,Andreevka,Andreyevka|Андріїв:KA|Андреев:KA
Marinka|Marinka,Maryinka,Mariinka|Мар'їн:KA|Марьин:KA
Krasnohorivka|Krasnohorivka,Krasnogorovka|Красногорів:KA|Красногоров:KA
Ocheretyne|Ocheretyne,Ocheretino|Очеретин:E|Очеретин:O
Novohrodivka|Novohrodivka,Novogrodovka|Новогродів:KA|Новогродов:KA
Vesele|Vesele|Весел:E|Весел:OE
Orlivka|Orlivka|Орлів:KA|Орлов:KA
Tonenke|Tonenke|Тоненьк:E|Тоненьк:OE
Bilohorivka|Bilohorivka|Білогорів:KA|Белогоров:KA
Kreminna|Kreminna,Kremennaya|Кремінн:AF|Кременн:AF
Chasiv Yar|Chasiv Yar,Chasov Yar|Часів Яр:M,Часовому Яр:M,Часового Яр:M,Часовим Яр:M
    |Часов Яр:M,Часовом Яр:M,Часового Яр:M,Часовому Яр:M,Часовым Яр:M
Sukhyi Yar|Sukhyi Yar,Sukhyy Yar,Sukhy Yar|Сухий Яр:M,Сухого Яр:M,Сухому Яр:M,Сухим Яр:M
    |Сухой Яр:M,Сухого Яр:M,Сухом Яр:M,Сухому Яр:M
Zelenyi Shliakh|Zelenyi Shliakh,Zelenyy Shlyakh,Zeleny Shlyakh,Zelenyi Shlyakh,Zelenyy Shliakh
    |Зелений Шлях:M,Зеленого Шлях:M,Зеленому Шлях:M,Зеленим Шлях:M
    |Зеленый Шлях:M,Зеленого Шлях:M,Зеленом Шлях:M,Зеленому Шлях:M
Mala Rohan|Mala Rohan|Мала Рогань:M,Малої Рогані:M,Малій Рогані:M|Малая Рогань:M,Малой Рогани:M
Stepnohirsk|Stepnohirsk,Stepnogorsk|Степногірськ:M|Степногорск:M
Druzhkivka|Druzhkivka,Druzhkovka|Дружків:KA|Дружков:KA
Svatove|Svatove,Svatovo|Сватов:E|Сватов:O
Lyptsi|Lyptsi,Liptsy|Липц:PI|Липц:PI
Huliaipole|Huliaipole,Hulyaipole,Gulyaipole|Гуляйпол:NE|Гуляйпол:NE
Tokmak|Tokmak|Токмак:M|Токмак:M
Vasylivka|Vasylivka,Vasilyevka,Vasylivka|Василів:KA|Васильев:KA
Kamianske|Kamianske,Kamyanske,Kamenskoye|Кам'янськ:E|Каменск:OE
Prohres|Prohres|Прогрес:M|Прогресс:M
Torske|Torske,Torskoye|Торськ:E|Торск:OE
Horlivka|Horlivka,Gorlovka|Горлів:KA|Горлов:KA
Volnovakha|Volnovakha|Волновах:A,Волновас:A|Волновах:A
Kherson|Kherson|Херсон:M|Херсон:M
Oleshky|Oleshky,Aleshki,Oleshki|Олеш:PL|Алеш:PL
Korenevo|Korenevo|Коренев:O|Коренев:O
Tetkino|Tetkino,Tyotkino|Тьоткін:O,Теткін:O|Теткин:O,Тёткин:O
Sverdlikovo|Sverdlikovo|Свердликов:O|Свердликов:O
Plekhovo|Plekhovo|Плехов:O|Плехов:O
Guevo|Guevo,Huievo|Гуєв:O|Гуев:O
Kozinka|Kozinka|Козинк:A|Козинк:A
Shebekino|Shebekino|Шебекін:O|Шебекин:O
Grayvoron|Grayvoron,Graivoron,Hraivoron|Грайворон:M|Грайворон:M
Zhuravlevka|Zhuravlevka,Zhuravlivka|Журавлів:KA|Журавлев:KA
Nekhoteevka|Nekhoteevka,Nekhoteyevka|Нехотіїв:KA|Нехотеев:KA
Mala Tokmachka|Mala Tokmachka,Malaya Tokmachka|Мала Токмачк:KA,Малої Токмачк:KA
    ,Малій Токмачц:KA,Малу Токмачк:KA|Малая Токмачк:KA,Малой Токмачк:KA,Малую Токмачк:KA
Nova Kakhovka|Nova Kakhovka,Novaya Kakhovka|Нова Каховк:KA,Нової Каховк:KA,Новій Каховц:KA
    ,Нову Каховк:KA|Новая Каховк:KA,Новой Каховк:KA,Новую Каховк:KA
Hola Prystan|Hola Prystan,Gola Pristan,Golaya Pristan|Гола Пристан:M,Голої Пристан:M
    ,Голій Пристан:M,Голу Пристан:M|Голая Пристан:M,Голой Пристан:M,Голую Пристан:M
Novoselivka Persha|Novoselivka Persha,Novoselovka Pervaya|Новоселівка Перш:M
    ,Новоселівки Перш:M,Новоселівці Перш:M,Новоселівку Перш:M|Новоселовка Перв:M
    ,Новоселовки Перв:M,Новоселовке Перв:M,Новоселовку Перв:M
Malaya Loknya|Malaya Loknya,Mala Loknia|Мала Локн:M,Малої Локн:M,Малій Локн:M,Малу Локн:M
    |Малая Локн:M,Малой Локн:M,Малую Локн:M
Dobropillia|Dobropillia,Dobropolye|Добропілл:NE|Доброполь:NE
Rodynske|Rodynske,Rodinskoye|Родинськ:E|Родинск:OE
Hrodivka|Hrodivka,Grodovka|Гродів:KA|Гродов:KA
Berdychi|Berdychi,Berdichi|Бердич:PI|Бердич:PS,Бердыч:PS
Bohdanivka|Bohdanivka,Bogdanovka|Богданів:KA|Богданов:KA
Kurdiumivka|Kurdiumivka,Kurdyumovka|Курдюмів:KA|Курдюмов:KA
Pavlivka|Pavlivka,Pavlovka|Павлів:KA|Павлов:KA
Staromaiorske|Staromaiorske,Staromayorske,Staromayorskoye|Старомайорськ:E|Старомайорск:OE
Polohy|Polohy,Pology|Пологи:M,Пологах:M,Пологів:M|Пологи:M,Пологах:M,Пологов:M
Novoprokopivka|Novoprokopivka,Novoprokopovka|Новопрокопів:KA|Новопрокопов:KA
Enerhodar|Enerhodar,Energodar|Енергодар:M|Энергодар:M
Kozachi Laheri|Kozachi Laheri,Kozachi Lageri|Козачі Лагер:PI,Козачих Лагер:PI
    ,Козачих Лагерях:M|Казачьи Лагер:PI,Казачьих Лагер:PI
Hostomel|Hostomel,Gostomel|Гостомел:M,Гостомель:M|Гостомел:M,Гостомель:M
Borodianka|Borodianka,Borodyanka|Бородян:KA|Бородян:KA
Balakliia|Balakliia,Balakleya|Балакл:AJ|Балакле:AJ
Zhelanne|Zhelanne,Zhelannoye,Zhelannoe|Желанн:E|Желанн:OE
Lastochkyne|Lastochkyne,Lastochkino|Ласточкин:E|Ласточкин:O
Velyka Novosilka|Velyka Novosilka,Velikaya Novoselka|Велика Новосілк:KA,Великої Новосілк:KA
    ,Великій Новосілц:KA,Велику Новосілк:KA
    |Великая Новоселк:KA,Великой Новоселк:KA
"""
# canonical | English name | Ukrainian adjective stem | Ukrainian region noun | Russian adj stem
# | Russian region noun where it differs ("-": the same or none)
OBLASTS = """
Donetsk Oblast|Donetsk|Донецьк|Донеччин|Донецк|Донетчин
Luhansk Oblast|Luhansk,Lugansk|Луганськ|Луганщин|Луганск|-
Zaporizhzhia Oblast|Zaporizhzhia,Zaporizhia,Zaporozhye|Запорізьк|-|Запорожск|-
Kherson Oblast|Kherson|Херсонськ|Херсонщин|Херсонск|-
Kharkiv Oblast|Kharkiv,Kharkov|Харківськ|Харківщин|Харьковск|Харьковщин
Kyiv Oblast|Kyiv,Kiev|Київськ|Київщин|Киевск|Киевщин
Sumy Oblast|Sumy|Сумськ|Сумщин|Сумск|-
Chernihiv Oblast|Chernihiv|Чернігівськ|Чернігівщин|Черниговск|Черниговщин
Dnipropetrovsk Oblast|Dnipropetrovsk|Дніпропетровськ|Дніпропетровщин|Днепропетровск|Днепропетровщин
Mykolaiv Oblast|Mykolaiv,Nikolaev|Миколаївськ|Миколаївщин|Николаевск|Николаевщин
Odesa Oblast|Odesa,Odessa|Одеськ|Одещин|Одесск|Одесщин
Poltava Oblast|Poltava|Полтавськ|Полтавщин|Полтавск|-
Vinnytsia Oblast|Vinnytsia|Вінницьк|Вінниччин|Винницк|Винничин
Volyn Oblast|Volyn|Волинськ|Волин|Волынск|-
Zhytomyr Oblast|Zhytomyr|Житомирськ|Житомирщин|Житомирск|-
Zakarpattia Oblast|Zakarpattia,Transcarpathia|Закарпатськ|Закарпатт|Закарпатск|Закарпать
Ivano-Frankivsk Oblast|Ivano-Frankivsk|Івано-Франківськ|Прикарпатт|Ивано-Франковск|Прикарпать
Kirovohrad Oblast|Kirovohrad|Кіровоградськ|Кіровоградщин|Кировоградск|Кировоградщин
Lviv Oblast|Lviv|Львівськ|Львівщин|Львовск|Львовщин
Rivne Oblast|Rivne|Рівненськ|Рівненщин|Ровенск|Ровенщин
Ternopil Oblast|Ternopil|Тернопільськ|Тернопільщин|Тернопольск|Тернопольщин
Khmelnytskyi Oblast|Khmelnytskyi|Хмельницьк|Хмельниччин|Хмельницк|Хмельнитчин
Cherkasy Oblast|Cherkasy|Черкаськ|Черкащин|Черкасск|Черкасчин
Chernivtsi Oblast|Chernivtsi|Чернівецьк|Буковин|Черновицк|-
Kursk Oblast|Kursk|Курськ|Курщин|Курск|-
Belgorod Oblast|Belgorod|Бєлгородськ|Бєлгородщин|Белгородск|Белгородчин
Bryansk Oblast|Bryansk|Брянськ|Брянщин|Брянск|-
"""
# canonical town | English | Ukrainian adj stem | Russian adj stem  (district and direction)
DISTRICTS = """
Pokrovsk|Pokrovsk|Покровськ|Покровск
Bakhmut|Bakhmut|Бахмутськ|Бахмутск
Polohy|Polohy,Polohivskyi|Пологівськ|Пологовск
Kramatorsk|Kramatorsk|Краматорськ|Краматорск
Volnovakha|Volnovakha|Волноваськ|Волновахск
Kalmiuske|Kalmiuske|Кальміуськ|Кальмиусск
Horlivka|Horlivka|Горлівськ|Горловск
Mariupol|Mariupol|Маріупольськ|Мариупольск
Vasylivka|Vasylivka|Василівськ|Васильевск
Kakhovka|Kakhovka|Каховськ|Каховск
Beryslav|Beryslav|Бериславськ|Бериславск
Bucha|Bucha|Бучанськ|Бучанск
Kupiansk|Kupiansk|Куп'янськ|Купянск
Izium|Izium|Ізюмськ|Изюмск
Chuhuiv|Chuhuiv|Чугуївськ|Чугуевск
Svatove|Svatove|Сватівськ|Сватовск
Sievierodonetsk|Sievierodonetsk|Сєвєродонецьк|Северодонецк
Melitopol|Melitopol|Мелітопольськ|Мелитопольск
Sudzha|Sudzha|Суджанськ|Суджанск
Korenevo|Korenevo|Кореневськ|Кореневск
Zaporizhzhia|Zaporizhzhia|Запорізьк|Запорожск
Kherson|Kherson|Херсонськ|Херсонск
Skadovsk|Skadovsk|Скадовськ|Скадовск
Kharkiv|Kharkiv|Харківськ|Харьковск
Donetsk|Donetsk|Донецьк|Донецк
Huliaipole|Huliaipole|Гуляйпільськ|Гуляйпольск
"""
DIRECTIONS = """
Pokrovsk|Pokrovsk|Покровськ|Покровск
Bakhmut|Bakhmut|Бахмутськ|Бахмутск
Avdiivka|Avdiivka|Авдіївськ|Авдеевск
Toretsk|Toretsk|Торецьк|Торецк
Kurakhove|Kurakhove|Курахівськ|Кураховск
Vuhledar|Vuhledar|Вугледарськ|Угледарск
Kupiansk|Kupiansk|Куп'янськ|Купянск
Lyman|Lyman|Лиманськ|Лиманск
Siversk|Siversk|Сіверськ|Северск
Orikhiv|Orikhiv|Оріхівськ|Ореховск
Huliaipole|Huliaipole|Гуляйпільськ|Гуляйпольск
Kramatorsk|Kramatorsk|Краматорськ|Краматорск
Kostiantynivka|Kostiantynivka|Костянтинівськ|Константиновск
Chasiv Yar|Chasiv Yar|Часовоярськ|Часовоярск
Sloviansk|Sloviansk|Слов'янськ|Славянск
Kharkiv|Kharkiv|Харківськ|Харьковск
Zaporizhzhia|Zaporizhzhia|Запорізьк|Запорожск
Velyka Novosilka|Velyka Novosilka|Великоновосілківськ|Великоновоселковск
Bakhmut|Bakhmut|Артемівськ|Артемовск
Pokrovsk|Pokrovsk|Красноармійськ|Красноармейск
Toretsk|Toretsk|Дзержинськ|Дзержинск
"""
# Villages across the border (Kursk, Belgorod and Bryansk oblasts), in the same format. Many
# share a name with Ukrainian villages, so one counts only beside its oblast or district in
# the same sentence ("near Martynovka in the Kursk region"); else the codifier reads the name.
BORDER = """
Martynovka|Martynovka|Мартинів:KA|Мартынов:KA
Russkoye Porechnoye|Russkoye Porechnoye,Russkoe Porechnoe|Руське Порічч:M|Русское Поречн:M
Cherkasskoye Porechnoye|Cherkasskoye Porechnoye,Cherkasskoe Porechnoe|Черкаське Порічч:M
    |Черкасское Поречн:M
Kazachya Loknya|Kazachya Loknya,Kazachia Loknia|Козача Локн:M|Казачья Локн:M
Pogrebki|Pogrebki,Pohrebky|Погреб:PL,Погріб:PL|Погреб:PL
Goncharovka|Goncharovka,Honcharivka|Гончарів:KA|Гончаров:KA
Kurilovka|Kurilovka,Kurylivka|Курилів:KA|Курилов:KA
Zaoleshenka|Zaoleshenka|Заолешен:KA|Заолешен:KA
Makhnovka|Makhnovka|Махнів:KA|Махнов:KA
Kamyshevka|Kamyshevka|Камишів:KA|Камышев:KA
Kositsa|Kositsa|Косиц:A|Косиц:A
Lebedevka|Lebedevka|Лебедів:KA|Лебедев:KA
Fanaseyevka|Fanaseyevka,Fanaseevka|Фанасіїв:KA|Фанасеев:KA
Olgovka|Olgovka,Olhivka|Ольгів:KA|Ольгов:KA
Lyubimovka|Lyubimovka,Liubymivka|Любимів:KA|Любимов:KA
Tolpino|Tolpino|Толпин:E|Толпин:O
Kremyanoye|Kremyanoye,Kremyanoe|Крем'ян:E|Кремян:OE
Komarovka|Komarovka|Комарів:KA|Комаров:KA
Vishnevka|Vishnevka|Вишнів:KA|Вишнев:KA
Pushkarnoye|Pushkarnoye,Pushkarnoe|Пушкарн:E|Пушкарн:OE
Glushkovo|Glushkovo|Глушков:E|Глушков:O
Glotovo|Glotovo|Глотов:E|Глотов:O
Novaya Tavolzhanka|Novaya Tavolzhanka,Nova Tavolzhanka|Нова Таволжанк:KA|Новая Таволжанк:KA
Demidovka|Demidovka|Демидів:KA|Демидов:KA
Spodaryushino|Spodaryushino|Сподарюшин:E|Сподарюшин:O
Krasnaya Yaruga|Krasnaya Yaruga|Красна Яруг:A|Красная Яруг:A
Kolotilovka|Kolotilovka|Колотилів:KA|Колотилов:KA
Klimovo|Klimovo|Климов:E|Климов:O
Sushany|Sushany|Сушан:PI|Сушан:PI
"""
