package dev.activationlab.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.activationlab.activation.ActivationCatalogue;
import dev.activationlab.activation.ActivationCatalogueConfiguration;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import dev.activationlab.ApiSliceTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@ApiSliceTest(value = PlotController.class)
class PlotControllerTest {

    private static final MediaType SVG = MediaType.valueOf("image/svg+xml");

    @Autowired
    private MockMvcTester mvc;

    private static byte[] body(MvcTestResult result) {
        return result.getResponse().getContentAsByteArray();
    }

    @Test
    void plotShouldAnswerSvgByDefaultWithTitleAndLegend() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/leaky_relu/plot?alpha=0.1").exchange();

        assertThat(result).hasStatusOk().hasContentType(SVG);
        assertThat(result).headers().hasValue("Vary", "Accept");
        SvgDocument svg = SvgDocument.parse(body(result));
        assertThat(svg.width()).isEqualTo(800.0);
        assertThat(svg.height()).isEqualTo(500.0);
        assertThat(svg.texts()).contains("leaky_relu (alpha = 0.1) and its derivative", "leaky_relu", "leaky_relu′");
    }

    @Test
    void plotWhenAliasGivenShouldNameTheCanonicalFunction() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/logistic/plot?derivative=false").exchange();

        assertThat(result).hasStatusOk();
        assertThat(SvgDocument.parse(body(result)).texts()).contains("sigmoid").doesNotContain("sigmoid′");
    }

    @Test
    void plotWhenFormatPngShouldAnswerAPngOfTheRequestedSize() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/tanh/plot?format=png&width=640&height=360").exchange();

        assertThat(result).hasStatusOk().hasContentType(MediaType.IMAGE_PNG);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(body(result)));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
    }

    @Test
    void plotWhenAcceptPngShouldAnswerPng() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/relu/plot")
                .accept(MediaType.IMAGE_PNG).exchange();

        assertThat(result).hasStatusOk().hasContentType(MediaType.IMAGE_PNG);
        assertThat(ImageIO.read(new ByteArrayInputStream(body(result)))).isNotNull();
    }

    @Test
    void plotWhenAcceptPrefersSvgByQualityShouldAnswerSvg() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/relu/plot")
                .header("Accept", "image/png;q=0.5, image/svg+xml").exchange();

        assertThat(result).hasStatusOk().hasContentType(SVG);
    }

    @Test
    void plotWhenAcceptAllowsNoImageShouldReturnNotAcceptableWithoutBody() {
        for (String accept : new String[] {"application/json", "text/html, application/*;q=0.9",
                "image/gif", "image/png;q=0, image/svg+xml;q=0, */*;q=0.1"}) {
            MvcTestResult result = mvc.get().uri("/api/v1/activations/sigmoid/plot").header("Accept", accept).exchange();

            assertThat(result).as(accept).hasStatus(406);
            assertThat(result.getResponse().getContentLength()).as(accept).isZero();
        }
        MvcTestResult many = mvc.get().uri("/api/v1/activations/plot?names=tanh").accept(MediaType.APPLICATION_JSON)
                .exchange();
        MvcTestResult chain = mvc.get().uri("/api/v1/gradients/chain/plot?activations=tanh")
                .accept(MediaType.APPLICATION_JSON).exchange();
        assertThat(many).hasStatus(406);
        assertThat(chain).hasStatus(406);
    }

    @Test
    void plotWhenAcceptAllowsImagesThroughAWildcardShouldAnswerAnImage() {
        assertThat(mvc.get().uri("/api/v1/activations/sigmoid/plot").header("Accept", "*/*").exchange())
                .hasStatus(200).hasContentType("image/svg+xml");
        assertThat(mvc.get().uri("/api/v1/activations/sigmoid/plot").header("Accept", "image/*").exchange())
                .hasStatus(200).hasContentType("image/svg+xml");
        assertThat(mvc.get().uri("/api/v1/activations/sigmoid/plot")
                .header("Accept", "application/json, text/html;q=0.9, */*;q=0.8").exchange())
                .hasStatus(200).hasContentType("image/svg+xml");
        // SVG refused by name, PNG allowed by the wildcard.
        assertThat(mvc.get().uri("/api/v1/activations/sigmoid/plot")
                .header("Accept", "image/svg+xml;q=0, image/*").exchange())
                .hasStatus(200).hasContentType("image/png");
    }

    @Test
    void plotWhenFormatGivenShouldIgnoreAnAcceptWithoutImages() {
        assertThat(mvc.get().uri("/api/v1/activations/sigmoid/plot?format=png").accept(MediaType.APPLICATION_JSON)
                .exchange()).hasStatus(200).hasContentType("image/png");
    }

    @Test
    void plotWhenFormatAndAcceptDisagreeShouldFollowFormat() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/relu/plot?format=svg")
                .accept(MediaType.IMAGE_PNG).exchange();

        assertThat(result).hasStatusOk().hasContentType(SVG);
    }

    @Test
    void plotWhenFormatUnknownShouldReturnBadRequestAsProblemEvenIfOnlyImagesAccepted() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/relu/plot?format=gif")
                .accept(MediaType.IMAGE_PNG).exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("format");
    }

    @Test
    void plotWhenNameUnknownShouldReturnNotFoundAsProblemEvenIfOnlyImagesAccepted() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/nope/plot")
                .accept(MediaType.valueOf("image/svg+xml")).exchange();

        assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.validNames").asArray().contains("sigmoid", "tanh");
    }

    @Test
    void plotWhenWidthBeyondLimitShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/relu/plot?width=4001").exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("width");
    }

    @Test
    void plotWhenHeightBeyondLimitShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/relu/plot?height=4001&format=png").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("height");
    }

    @Test
    void plotWhenPointsBeyondLimitShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/relu/plot?points=10002").exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("points");
    }

    @Test
    void plotWhenRangeReversedShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/relu/plot?from=2&to=1").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("from");
    }

    @Test
    void plotWhenRangeWiderThanAnAxisShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/sigmoid/plot?from=-1e308&to=1e308").exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("to");
    }

    @Test
    void plotWhenValuesOverflowShouldReturnUnprocessableNamingTheFunction() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/linear/plot?c=1e308").exchange();

        assertThat(result).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("name");
        // x from −6 in steps of 0.05: the first overflow is at x = −6, where c·x = −6e308.
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("x = -6.0", "linear");
    }

    @Test
    void plotManyWhenValuesOverflowShouldNameTheFunctionInTheList() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=tanh,linear&linear.c=1e308").exchange();

        assertThat(result).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("names[1]");
    }

    @Test
    void plotWhenParameterUnknownShouldReturnBadRequestNamingIt() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/sigmoid/plot?alpha=0.1").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("alpha");
    }

    @Test
    void plotWhenParameterRepeatedShouldReturnBadRequestNamingIt() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/leaky_relu/plot?alpha=0.1&alpha=0.2").exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("alpha");
    }

    @Test
    void plotManyWhenParameterRepeatedShouldReturnBadRequestNamingIt() {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/activations/plot?names=leaky_relu&leaky_relu.alpha=0.1&leaky_relu.alpha=0.2").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("leaky_relu.alpha");
    }

    @Test
    void plotWhenDerivativeNotBooleanShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/sigmoid/plot?derivative=maybe")
                .accept(MediaType.IMAGE_PNG).exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("derivative");
    }

    @Test
    void plotWhenVectorValuedShouldReturnUnprocessable() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/softmax/plot").exchange();

        assertThat(result).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void plotManyShouldOverlayEachFunctionWithItsParametersInTitleAndLegend() throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/activations/plot?names=sigmoid,tanh,leaky-relu&leaky_relu.alpha=0.2").exchange();

        assertThat(result).hasStatusOk().hasContentType(SVG);
        assertThat(SvgDocument.parse(body(result)).texts())
                .contains("sigmoid, tanh, leaky_relu (alpha = 0.2) and their derivatives")
                .contains("sigmoid", "tanh", "leaky_relu", "sigmoid′", "tanh′", "leaky_relu′");
    }

    @Test
    void plotManyWhenAcceptPngShouldAnswerPng() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=relu,step&width=300&height=200")
                .accept(MediaType.IMAGE_PNG).exchange();

        assertThat(result).hasStatusOk().hasContentType(MediaType.IMAGE_PNG);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(body(result)));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(200);
    }

    @Test
    void plotManyWithoutDerivativeShouldDrawOnlyTheFunctions() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=sigmoid,tanh,relu,step,linear,leaky_relu"
                + "&derivative=false").exchange();

        assertThat(result).hasStatusOk();
        assertThat(SvgDocument.parse(body(result)).texts())
                .contains("sigmoid, tanh, relu, step, linear (c = 1), leaky_relu (alpha = 0.01)")
                .contains("sigmoid", "tanh", "relu", "step", "linear", "leaky_relu")
                .doesNotContain("sigmoid′", "relu′");
    }

    @Test
    void plotManyWhenTwelveFunctionsShouldNameEachInTheLegend() throws Exception {
        String[] twelve = {"sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "gelu", "silu", "mish", "softplus",
            "softsign", "hard_tanh"};
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=" + String.join(",", twelve)
                + "&hard_tanh.min=-2&format=svg&width=1200&height=900").exchange();

        assertThat(result).hasStatusOk().hasContentType(SVG);
        SvgDocument svg = SvgDocument.parse(body(result));
        assertThat(svg.width()).isEqualTo(1200.0);
        assertThat(svg.texts()).contains(twelve);
        assertThat(String.join(" ", svg.texts())).contains("hard_tanh (min = -2, max = 1)");
    }

    @Test
    void plotManyWhenTwelveFunctionsAsPngShouldUseTwelveColours() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=sigmoid,tanh,relu,leaky_relu,elu,selu,"
                + "gelu,silu,mish,softplus,softsign,hard_tanh&derivative=false").accept(MediaType.IMAGE_PNG).exchange();

        assertThat(result).hasStatusOk().hasContentType(MediaType.IMAGE_PNG);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(body(result)));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        for (int i = 0; i < dev.activationlab.plot.Palette.size(); i++) {
            assertThat(colours).contains(dev.activationlab.plot.Palette.colour(i).getRGB() & 0xFFFFFF);
        }
    }

    @Test
    void plotManyWhenMoreThanTwelveNamesShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=a,b,c,d,e,f,g,h,i,j,k,l,m").exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("names");
    }

    @Test
    void plotManyWhenNameUnknownShouldReturnBadRequestListingValidNames() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=sigmoid,nope")
                .accept(MediaType.IMAGE_PNG).exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("names[1]");
        assertThat(result).bodyJson().extractingPath("$.validNames").asArray().contains("relu");
    }

    @Test
    void plotManyWhenNamesMissingShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("names");
    }

    @Test
    void plotManyWhenNameEmptyShouldReturnBadRequestNamingTheEntry() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=sigmoid,,tanh").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("names[1]");
    }

    @Test
    void plotManyWhenNameRepeatedThroughAliasShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=sigmoid,logistic").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("names[1]");
    }

    @Test
    void plotManyWhenVectorValuedShouldReturnUnprocessable() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=tanh,softmax").exchange();

        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("names[1]");
    }

    @Test
    void plotManyWhenParameterWithoutFunctionShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=leaky_relu&alpha=0.2").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("alpha");
    }

    @Test
    void plotManyWhenParameterNamesUnlistedFunctionShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=tanh&leaky_relu.alpha=0.2").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("leaky_relu.alpha");
    }

    @Test
    void plotManyWhenParameterUnknownShouldReturnBadRequestNamingIt() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=leaky_relu&leaky_relu.beta=2").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("leaky_relu.beta");
    }

    @Test
    void plotManyWhenParameterNotANumberShouldReturnBadRequestNamingIt() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=leaky_relu&leaky_relu.alpha=1e999").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("leaky_relu.alpha");
    }

    @Test
    void plotManyWhenValuesTooWideForOneAxisShouldReturnUnprocessable() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/plot?names=linear&linear.c=1e307").exchange();

        assertThat(result).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void chainPlotShouldDrawEachActivationOnALogAxisWithLegendAndTitle() throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/gradients/chain/plot?activations=sigmoid,tanh,relu&layers=30&preActivation=0&weight=1")
                .exchange();

        assertThat(result).hasStatusOk().hasContentType(SVG);
        SvgDocument svg = SvgDocument.parse(body(result));
        assertThat(svg.width()).isEqualTo(800.0);
        assertThat(svg.height()).isEqualTo(500.0);
        assertThat(svg.texts())
                .contains("sigmoid", "tanh", "relu", "layer (1 = next to the input)", "|gradient| (log scale)", "10\u2070")
                .anyMatch(text -> text.startsWith("10\u207B"));
        String all = String.join(" ", svg.texts());
        assertThat(all).contains("Gradient reaching each of 30 layers: sigmoid, tanh, relu")
                .contains("pre-activation z = 0 and weight w = 1 at every layer")
                // relu'(0) = 0: nothing to draw, and the chart says why.
                .contains("relu: a factor w·f′(z) is exactly 0");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"layers=5&preActivation=1e308", "layers=3&preActivation=1e308",
            "layers=40&preActivation=1e307"})
    void chainPlotWhoseLogarithmsCannotBeDrawnShouldBeUnprocessable(String query) {
        MvcTestResult result = mvc.get().uri("/api/v1/gradients/chain/plot?activations=sigmoid&" + query).exchange();

        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void chainPlotWhenGradientUnderflowsShouldStillDrawItFromItsLogarithm() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/gradients/chain/plot?activations=sigmoid&layers=1000").exchange();

        assertThat(result).hasStatusOk();
        // 0.25^1000 ≈ 10^-602 is 0 in double; the axis reaches down to it all the same.
        assertThat(SvgDocument.parse(body(result)).texts()).contains("10\u207B\u2076\u2070\u2070", "sigmoid");
    }

    @Test
    void chainLinesShouldBeTheDecimalLogarithmOfTheGradientAtEachLayer() {
        var registry = new dev.activationlab.activation.ActivationRegistry(
                ActivationCatalogue.all());
        java.util.List<dev.activationlab.activation.BoundActivation> functions = java.util.List.of(
                registry.bindScalar("sigmoid", java.util.Map.of()),
                registry.bindScalar("leaky_relu", java.util.Map.of("alpha", 0.5)),
                registry.bindScalar("relu", java.util.Map.of()));

        java.util.List<dev.activationlab.plot.Line> lines = PlotController.chainLines(functions, 1000, -1.0, 2.0);

        // sigmoid'(−1) = σ(−1)σ(1); g_k = (2·sigmoid'(−1))^(1001 − k).
        double sigmoidFactor = 2.0 / (1 + Math.exp(1)) / (1 + Math.exp(-1));
        assertThat(lines.get(0).y()[0]).isCloseTo(1000 * Math.log10(sigmoidFactor), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(lines.get(0).y()[999]).isCloseTo(Math.log10(sigmoidFactor), org.assertj.core.data.Offset.offset(1e-12));
        // leaky_relu at z = −1 with alpha 0.5 and w = 2: every factor is exactly 1.
        assertThat(lines.get(1).y()).containsOnly(0.0);
        // relu at z = −1: a dead unit, so no point at all.
        assertThat(lines.get(2).hasPoints()).isFalse();
        assertThat(lines.get(0).x()[0]).isEqualTo(1.0);
        assertThat(lines.get(0).x()[999]).isEqualTo(1000.0);
    }

    @Test
    void chainPlotWhenAcceptPngShouldAnswerPngOfTheRequestedSize() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/gradients/chain/plot?activations=sigmoid,tanh&layers=50"
                + "&width=1000&height=600").accept(MediaType.IMAGE_PNG).exchange();

        assertThat(result).hasStatusOk().hasContentType(MediaType.IMAGE_PNG);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(body(result)));
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void chainPlotWithParametersShouldNameThemInTheTitle() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/gradients/chain/plot?activations=leaky_relu,elu"
                + "&leaky_relu.alpha=0.5&preActivation=-1&weight=1.5&layers=12").exchange();

        assertThat(result).hasStatusOk();
        assertThat(String.join(" ", SvgDocument.parse(body(result)).texts()))
                .contains("Gradient reaching each of 12 layers: leaky_relu (alpha = 0.5), elu (alpha = 1)")
                .contains("pre-activation z = -1 and weight w = 1.5");
    }

    @Test
    void chainPlotWhenLayersBeyondLimitShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/gradients/chain/plot?activations=sigmoid&layers=10001")
                .accept(MediaType.IMAGE_PNG).exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("layers");
    }

    @Test
    void chainPlotWhenLayersZeroShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/gradients/chain/plot?activations=sigmoid&layers=0").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("layers");
    }

    @Test
    void chainPlotWhenActivationUnknownShouldReturnBadRequestListingValidNames() {
        MvcTestResult result = mvc.get().uri("/api/v1/gradients/chain/plot?activations=nope").exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("activations[0]");
        assertThat(result).bodyJson().extractingPath("$.validNames").asArray().contains("sigmoid");
    }

    @Test
    void chainPlotWhenActivationsMissingShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/gradients/chain/plot?layers=10").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("activations");
    }

    @Test
    void chainPlotWhenMoreThanTwelveActivationsShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/gradients/chain/plot?activations=sigmoid,tanh,relu,elu,selu,"
                + "gelu,silu,mish,softplus,softsign,hard_tanh,relu6,celu").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("activations");
    }

    @Test
    void chainPlotWhenVectorValuedShouldReturnUnprocessable() {
        MvcTestResult result = mvc.get().uri("/api/v1/gradients/chain/plot?activations=sigmoid,log_softmax").exchange();

        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("activations[1]");
    }

    @Test
    void chainPlotWhenPreActivationNotFiniteShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/gradients/chain/plot?activations=sigmoid&preActivation=1e999")
                .exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("preActivation");
    }

    @Test
    void chainPlotWhenWeightNotANumberShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/gradients/chain/plot?activations=sigmoid&weight=heavy").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("weight");
    }

    @Test
    void chainPlotWhenFormatUnknownShouldReturnBadRequest() {
        MvcTestResult result = mvc.get().uri("/api/v1/gradients/chain/plot?activations=sigmoid&format=jpeg").exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("format");
    }

    @Test
    void chainPlotWhenEveryGradientIsZeroShouldStillDrawTheChart() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/gradients/chain/plot?activations=relu,step&preActivation=-1")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(SvgDocument.parse(body(result)).texts()).contains("relu", "step");
    }
}
