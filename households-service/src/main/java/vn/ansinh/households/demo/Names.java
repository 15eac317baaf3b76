package vn.ansinh.households.demo;

import java.util.List;
import java.util.Random;

/** Vietnamese names and ethnic groups of Bắc Giang, for demo households. */
final class Names {

    private static final List<String> KINH = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi",
            "Đỗ", "Ngô", "Dương", "Thân", "Giáp");
    private static final List<String> MINORITY = List.of("Hoàng", "Lý", "Triệu", "Vi", "Lường", "Nông", "La", "Lục",
            "Hà", "Đàm", "Chu", "Lăng");
    private static final List<String> MALE = List.of("Văn Dũng", "Văn Hùng", "Văn Thắng", "Văn An", "Văn Bình",
            "Đức Minh", "Văn Páo", "Văn Sơn", "Quang Huy", "Văn Tuấn", "Minh Đức", "Văn Khánh");
    private static final List<String> FEMALE = List.of("Thị Lan", "Thị Mai", "Thị Hoa", "Thị Hằng", "Thị Thu",
            "Thị Hương", "Thị Mỷ", "Thị Nga", "Thu Trang", "Thị Hạnh", "Thị Yến", "Ngọc Anh");
    private static final List<String> ETHNICITIES = List.of("Tày", "Nùng", "Dao", "Sán Chay", "Sán Dìu", "Hoa");

    private Names() {
    }

    static String surname(Random random, boolean minority) {
        List<String> names = minority ? MINORITY : KINH;
        return names.get(random.nextInt(names.size()));
    }

    static String given(Random random, boolean male) {
        List<String> names = male ? MALE : FEMALE;
        return names.get(random.nextInt(names.size()));
    }

    static String minorityEthnicity(Random random, String district) {
        // Sơn Động is mostly Tày, Nùng and Dao; elsewhere the six groups mix
        int choices = district.equals(DemoProvince.SON_DONG) ? 3 : ETHNICITIES.size();
        return ETHNICITIES.get(random.nextInt(choices));
    }
}
