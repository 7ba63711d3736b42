package dev.kaizen.shop.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.shop.catalog.Product;
import org.junit.jupiter.api.Test;

class PageRendererTest {

    @Test
    void formatsRewardsAndPricesExactly() {
        assertThat(PageRenderer.decimals(2.0 / 3, 3)).isEqualTo("0.667");
        assertThat(PageRenderer.decimals(1.0, 3)).isEqualTo("1.000");
        assertThat(PageRenderer.decimals(0.05, 3)).isEqualTo("0.050");
        assertThat(PageRenderer.decimals(0.1, 1)).isEqualTo("0.1");
        assertThat(PageRenderer.decimals(0.0, 1)).isEqualTo("0.0");
        assertThat(Product.formatPrice(54.99)).isEqualTo("$54.99");
        assertThat(Product.formatPrice(5)).isEqualTo("$5.00");
        assertThat(Product.formatPrice(0.07)).isEqualTo("$0.07");
        assertThat(Product.formatPrice(1234.5)).isEqualTo("$1234.50");
    }
}
