-- Monthly social-assistance allowance (trợ cấp xã hội hằng tháng): the base level times the
-- coefficient of the beneficiary's type, for every month the person is a member. It follows the
-- person's social-protection type as the registry records it (socialProtectionType), not the
-- household's poverty standing: an 80-year-old without a pension is owed it in any household.
-- Base level and coefficients are dated parameters like every amount: a change from a date (by
-- the parameters API) never rewrites what was granted before it. A coefficient is in hundredths
-- (150 = 1.5); the parameter's name ends with the type code the registry must use.
INSERT INTO parameter VALUES
    ('SOCIAL_ALLOWANCE_BASE', DATE '2021-07-01', 360000, 'VND/month', 'Nghị định 20/2021/NĐ-CP, Điều 4'),
    ('SOCIAL_ALLOWANCE_BASE', DATE '2024-07-01', 500000, 'VND/month', 'Nghị định 76/2024/NĐ-CP'),
    ('SOCIAL_ALLOWANCE_COEFFICIENT.CHILD_NO_SUPPORT_UNDER_4', DATE '2021-07-01', 250, 'hundredths of the base level', 'Nghị định 20/2021/NĐ-CP, Điều 6 — trẻ em dưới 4 tuổi không có nguồn nuôi dưỡng'),
    ('SOCIAL_ALLOWANCE_COEFFICIENT.CHILD_NO_SUPPORT', DATE '2021-07-01', 150, 'hundredths of the base level', 'Nghị định 20/2021/NĐ-CP, Điều 6 — trẻ em từ 4 đến dưới 16 tuổi không có nguồn nuôi dưỡng'),
    ('SOCIAL_ALLOWANCE_COEFFICIENT.YOUTH_IN_EDUCATION', DATE '2021-07-01', 150, 'hundredths of the base level', 'Nghị định 20/2021/NĐ-CP, Điều 6 — người từ 16 đến 22 tuổi đang học, không có nguồn nuôi dưỡng'),
    ('SOCIAL_ALLOWANCE_COEFFICIENT.HIV_POOR', DATE '2021-07-01', 150, 'hundredths of the base level', 'Nghị định 20/2021/NĐ-CP, Điều 6 — người nhiễm HIV/AIDS thuộc hộ nghèo'),
    ('SOCIAL_ALLOWANCE_COEFFICIENT.SINGLE_PARENT_POOR', DATE '2021-07-01', 100, 'hundredths of the base level', 'Nghị định 20/2021/NĐ-CP, Điều 6 — người đơn thân nghèo đang nuôi con'),
    ('SOCIAL_ALLOWANCE_COEFFICIENT.ELDERLY_POOR_ALONE', DATE '2021-07-01', 150, 'hundredths of the base level', 'Nghị định 20/2021/NĐ-CP, Điều 6 — người cao tuổi thuộc hộ nghèo không có người phụng dưỡng, 60 đến dưới 80 tuổi'),
    ('SOCIAL_ALLOWANCE_COEFFICIENT.ELDERLY_POOR_ALONE_80', DATE '2021-07-01', 200, 'hundredths of the base level', 'Nghị định 20/2021/NĐ-CP, Điều 6 — người cao tuổi thuộc hộ nghèo không có người phụng dưỡng, từ đủ 80 tuổi'),
    ('SOCIAL_ALLOWANCE_COEFFICIENT.ELDERLY_80', DATE '2021-07-01', 100, 'hundredths of the base level', 'Nghị định 20/2021/NĐ-CP, Điều 6 — người từ đủ 80 tuổi không có lương hưu, trợ cấp bảo hiểm xã hội'),
    ('SOCIAL_ALLOWANCE_COEFFICIENT.DISABILITY_SPECIAL_SEVERE', DATE '2021-07-01', 200, 'hundredths of the base level', 'Nghị định 20/2021/NĐ-CP, Điều 6 — người khuyết tật đặc biệt nặng'),
    ('SOCIAL_ALLOWANCE_COEFFICIENT.DISABILITY_SPECIAL_SEVERE_CHILD_OR_ELDERLY', DATE '2021-07-01', 250, 'hundredths of the base level', 'Nghị định 20/2021/NĐ-CP, Điều 6 — trẻ em, người cao tuổi khuyết tật đặc biệt nặng'),
    ('SOCIAL_ALLOWANCE_COEFFICIENT.DISABILITY_SEVERE', DATE '2021-07-01', 150, 'hundredths of the base level', 'Nghị định 20/2021/NĐ-CP, Điều 6 — người khuyết tật nặng'),
    ('SOCIAL_ALLOWANCE_COEFFICIENT.DISABILITY_SEVERE_CHILD_OR_ELDERLY', DATE '2021-07-01', 200, 'hundredths of the base level', 'Nghị định 20/2021/NĐ-CP, Điều 6 — trẻ em, người cao tuổi khuyết tật nặng');

-- Granted automatically from the registry's members, one entitlement per person and month.
UPDATE programme SET automatic = true WHERE code = 'SOCIAL_ALLOWANCE';

-- An allowance does not depend on the household's standing: it carries the standing when the
-- household has one, else none.
ALTER TABLE entitlement ALTER COLUMN standing DROP NOT NULL;
COMMENT ON COLUMN entitlement.period IS '2024, 2024-Q1 or 2024-07, by the programme''s period';
UPDATE catalogue_version SET version = version + 1;
