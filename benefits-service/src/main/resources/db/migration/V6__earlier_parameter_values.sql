-- Values in force before those of V2, so that classifications of the 2021 and 2022 surveys
-- (cards and support for 2022 and 2023) can be priced. Without them such a classification
-- could not be applied and went to the dead-letter topic.
INSERT INTO parameter VALUES
    ('BASE_SALARY', DATE '2019-07-01', 1490000, 'VND/month', 'Nghị định 38/2019/NĐ-CP'),
    ('ELECTRICITY_SUPPORT', DATE '2019-03-20', 50340, 'VND/household/month (30 kWh at the first tier, 1,678 VND/kWh)', 'Quyết định 28/2014/QĐ-TTg; Quyết định 648/QĐ-BCT');
